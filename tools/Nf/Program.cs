// Entry point of the nf runner; commands are dispatched here.
Console.Error.WriteLine("nf: runner not built yet");
return 3;
