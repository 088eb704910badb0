// Layout of one CPU's block in nano_cpu_blocks (percpu.S): what the boot stub, the vectors and the shim
// need to find this CPU's stacks and recovery chain. TPIDR_EL1 holds the running CPU's block address.
#ifndef NANO_PERCPU_H
#define NANO_PERCPU_H

#define CpuIndex            0       // 0..MaxCpus-1 (the PSCI context id a secondary was started with)
#define CpuThreadTop        8       // SP_EL0 at entry
#define CpuExceptionTop     16      // SP_EL1 at entry and after a recovery escape from a handler
#define CpuExceptionLimit   24      // lowest byte of the exception stack (the guard page lies below)
#define CpuEmergencyTop     32      // this CPU's emergency stack (vectors.S, exhausted exception stack)
#define CpuRecoveryTop      40      // innermost recovery point (shim.S), 0 = none
#define CpuRecoveryCount    48      // nested recovery points (32-bit)
#define CpuThreadLimit      56      // lowest byte of the thread stack
#define CpuBlockShift       6       // 64 bytes per block

#endif
