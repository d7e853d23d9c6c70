using Dynatus.Tool.Commands;

return await DynatusCommand.Create(Console.Out, Console.Error).Parse(args).InvokeAsync().ConfigureAwait(false);
