using System.CommandLine;
using Serverless.Host.Commands;
using Serverless.Shared.Domain;

var root = new RootCommand("Double-random labour-security inspection draws, self-hosted on the Durable Task engine.")
{
    QuickstartCommand.Create(),
    ServeCommand.Create(),
    SeedCommand.Create(),
    DrawCommand.Create(),
    VerifyCommand.Create(),
    SortitionCommand.Create(),
    ChainCommand.Create(),
    KeysCommand.Create(),
    DepartmentsCommand.Create(),
    CalendarCommand.Create(),
    ImportCommand.Create(),
    ExportCommand.Create(),
};

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (ValidationException exception)
{
    await Console.Error.WriteLineAsync($"error: {exception.Message}");
    return 2;
}
