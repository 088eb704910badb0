// scmi-platform-bench: requests per second and service-time percentiles of the platform's queue service.
using ScmiPlatform.Bench;
using ScmiPlatform.Daemon;
using ScmiPlatform.Device;
using ScmiPlatform.Virtqueue;

int requests = args.Length > 0 && int.TryParse(args[0], out int n) ? n : 200_000;
Console.WriteLine($"SCMI platform queue service, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}; {requests} requests per scenario");
Console.WriteLine("service time: from the driver posting a chain to the driver reading it back from the used ring");

IScmiDeviceModel RealModel() => ModelFactory.Create(new DaemonOptions(), TransportLog.Silent);

// Warm-up pass: let tiered compilation settle so the first scenario is not measured on unoptimised code.
InProcessScenarios.OneAtATime("warm-up", new NotSupportedModel(), 50_000, VirtioFeatures.EventIndex);
InProcessScenarios.Batched("warm-up", RealModel(), 50_000, 32);

Console.WriteLine(InProcessScenarios.OneAtATime("in-process, NOT_SUPPORTED model, 1 per kick", new NotSupportedModel(), requests));
Console.WriteLine(InProcessScenarios.OneAtATime("in-process, NOT_SUPPORTED, EVENT_IDX", new NotSupportedModel(), requests, VirtioFeatures.EventIndex));
Console.WriteLine(InProcessScenarios.Batched("in-process, NOT_SUPPORTED model, 32 per kick", new NotSupportedModel(), requests, 32));
Console.WriteLine(InProcessScenarios.OneAtATime("in-process, SCMI model (base), 1 per kick", RealModel(), requests));
Console.WriteLine(InProcessScenarios.Batched("in-process, SCMI model (base), 32 per kick", RealModel(), requests, 32));
Console.WriteLine(VhostUserScenario.Run("vhost-user socket+eventfds, SCMI model, 1/kick", RealModel(), Math.Min(requests, 50_000)));
Console.WriteLine("where a vhost-user round trip (SCMI model, 1/kick) spends its time, stage by stage, then the syscalls alone:");
foreach (string line in VhostUserBreakdown.Run(RealModel(), Math.Min(requests, 50_000)))
    Console.WriteLine(line);
return 0;
