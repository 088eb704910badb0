// The objdump parsing the image checks stand on, against lines copied from a real listing.
namespace Image.Tests;

public class ObjdumpParserTests
{
    private const string Listing = """
        image.elf:     file format elf64-littleaarch64


        Disassembly of section .text:

        000000004010039c <nano_atomic_cas32>:
            4010039c:	885ffc03 	ldaxr	w3, [x0]
            401003a0:	6b02007f 	cmp	w3, w2
            401003a4:	54000081 	b.ne	401003b4 <nano_atomic_cas32+0x18>  // b.any
            401003a8:	8804fc01 	stlxr	w4, w1, [x0]
            401003ac:	35ffff84 	cbnz	w4, 4010039c <nano_atomic_cas32>
            401003b0:	14000002 	b	401003b8 <nano_atomic_cas32+0x1c>
            401003b4:	d5033f5f 	clrex
            401003b8:	d5033bbf 	dmb	ish
            401003bc:	2a0303e0 	mov	w0, w3
            401003c0:	d65f03c0 	ret

        0000000040100464 <nano_barrier_dmb_st>:
            40100464:	d5033ebf 	dmb	st
            40100468:	d65f03c0 	ret

        0000000040107200 <Virtio_Virtio_SplitQueue__PublishAvailIndex>:
            40107228:	97ffe48f 	bl	40100464 <nano_barrier_dmb_st>
            40107284:	9400095b 	bl	401097f0 <Nano_CoreLib_System_Buffers_Binary_BinaryPrimitives__Write<UInt16>>
            401072a0:	97ffeed0 	bl	40102de0 <Nano_CoreLib_Internal_Runtime_RuntimeExports__RhpGcPoll>
        	...
        """;

    [Fact]
    public void Functions_are_keyed_by_symbol_with_their_instructions_in_order()
    {
        Dictionary<string, List<Instruction>> functions = ObjdumpParser.Parse(Listing);
        Assert.Equal(new[] { "nano_atomic_cas32", "nano_barrier_dmb_st", "Virtio_Virtio_SplitQueue__PublishAvailIndex" }, functions.Keys);
        Assert.Equal(10, functions["nano_atomic_cas32"].Count);
        Assert.Equal(new[] { "dmb st", "ret" }, functions["nano_barrier_dmb_st"].Select(i => i.Text));
    }

    [Fact]
    public void Operands_are_normalised_and_comments_dropped()
    {
        Instruction load = ObjdumpParser.ParseInstruction("    4010039c:\t885ffc03 \tldaxr\tw3, [x0]")!;
        Assert.Equal(0x4010039cul, load.Address);
        Assert.Equal("ldaxr", load.Mnemonic);
        Assert.Equal("w3, [x0]", load.Operands);
        Instruction branch = ObjdumpParser.ParseInstruction("    401003a4:\t54000081 \tb.ne\t401003b4 <nano_atomic_cas32+0x18>  // b.any")!;
        Assert.Equal("b.ne", branch.Mnemonic);
        Assert.Equal("nano_atomic_cas32", branch.Target);
        Assert.Equal(0x401003b4ul, branch.TargetAddress);
        Assert.Equal("401003b4", branch.Operands);
    }

    [Fact]
    public void A_conditional_branch_keeps_its_register_and_names_its_target()
    {
        Instruction retry = ObjdumpParser.ParseInstruction("    401003ac:\t35ffff84 \tcbnz\tw4, 4010039c <nano_atomic_cas32>")!;
        Assert.Equal("w4, 4010039c", retry.Operands);
        Assert.Equal(0x4010039cul, retry.TargetAddress);
    }

    [Fact]
    public void A_call_to_a_generic_instantiation_names_the_whole_symbol()
    {
        Instruction call = ObjdumpParser.ParseInstruction("    40107284:\t9400095b \tbl\t401097f0 <Nano_CoreLib_System_Buffers_Binary_BinaryPrimitives__Write<UInt16>>")!;
        Assert.True(call.Calls("Nano_CoreLib_System_Buffers_Binary_BinaryPrimitives__Write<UInt16>"));
    }

    [Fact]
    public void Lines_that_are_not_instructions_are_ignored()
    {
        Assert.Null(ObjdumpParser.ParseInstruction("\t..."));
        Assert.Null(ObjdumpParser.ParseInstruction(""));
        Assert.Null(ObjdumpParser.ParseInstruction("Disassembly of section .text:"));
    }

    [Fact]
    public void The_shim_compare_and_swap_is_one_complete_site_and_a_broken_copy_is_not()
    {
        List<Instruction> sound = ObjdumpParser.Parse(Listing)["nano_atomic_cas32"];
        Assert.Equal(1, ExclusiveSites.Count(sound));
        Assert.Empty(ExclusiveSites.Violations(sound));

        string plain = Listing.Replace("ldaxr\tw3", "ldxr\tw3").Replace("dmb\tish", "nop");
        List<string> violations = ExclusiveSites.Violations(ObjdumpParser.Parse(plain)["nano_atomic_cas32"]);
        Assert.Contains(violations, v => v.Contains("without acquire"));
        Assert.Contains(violations, v => v.Contains("no dmb ish after"));
        Assert.Contains(violations, v => v.Contains("compare-failed exit"));
    }

    [Fact]
    public void A_store_exclusive_without_release_or_retry_is_reported()
    {
        string broken = Listing.Replace("stlxr\tw4, w1, [x0]", "stxr\tw4, w1, [x0]").Replace("cbnz\tw4, 4010039c", "cbnz\tw5, 4010039c");
        List<string> violations = ExclusiveSites.Violations(ObjdumpParser.Parse(broken)["nano_atomic_cas32"]);
        Assert.Contains(violations, v => v.Contains("without release"));
        Assert.Contains(violations, v => v.Contains("not followed by cbnz w4"));
    }
}
