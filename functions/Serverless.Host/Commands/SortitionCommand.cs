using System.CommandLine;
using System.Text;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;

namespace Serverless.Host.Commands;

/// <summary>
/// <c>sortition</c>: the RFC 3797 selection on its own, so anyone can reproduce a published draw from its
/// candidate file and its entropy file without storage or the durable engine.
/// </summary>
internal static class SortitionCommand
{
    public static Command Create()
    {
        var candidates = new Option<FileInfo>("--candidates")
        {
            Description = "File with one candidate per line, in published order (a pool file or a team's officer list).",
            Required = true,
        };
        var entropy = new Option<FileInfo>("--entropy")
        {
            Description = "File with one RFC 3797 entropy source per line; lines starting with # are ignored.",
            Required = true,
        };
        var count = new Option<int>("--count") { Description = "Number of candidates to select.", Required = true };

        var command = new Command("sortition", "Select candidates by the RFC 3797 procedure and print one tab-separated line per selection: selection number, line number, candidate.")
        {
            candidates,
            entropy,
            count,
        };
        command.SetAction(result =>
        {
            var candidateFile = result.GetRequiredValue(candidates);
            var entropyFile = result.GetRequiredValue(entropy);
            try
            {
                using var candidateReader = Open(candidateFile, "--candidates");
                using var entropyReader = Open(entropyFile, "--entropy");
                Sortition.Run(candidateReader, entropyReader, result.GetValue(count), Console.Out);
                return 0;
            }
            catch (ValidationException exception)
            {
                Console.Error.WriteLine($"sortition: {exception.Message}");
                return 2;
            }
        });
        return command;
    }

    private static StreamReader Open(FileInfo file, string option)
    {
        if (!file.Exists)
        {
            throw new ValidationException(option, file.FullName, "does not exist");
        }

        return new StreamReader(file.FullName, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);
    }
}
