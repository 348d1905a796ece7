using System.Globalization;
using System.Text;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Draws;

/// <summary>
/// RFC 3797 selection from published files, so anyone can rerun a draw. Running it on a stratum's pool file with
/// the draw's entropy sources plus the stratum name ("risk" or "general") prints that stratum's selections.
/// </summary>
public static class Sortition
{
    /// <summary>
    /// Selects <paramref name="count"/> candidates and writes one line per selection: the selection number from
    /// 1, TAB, the candidate's line number from 1, TAB, the candidate, then "\n". Nothing is written unless every
    /// input is valid.
    /// </summary>
    /// <param name="candidates">One candidate per line in published order, ignoring blank lines at the end.</param>
    /// <param name="entropy">One RFC 3797 source per line. Blank lines and lines starting with # are ignored.</param>
    /// <param name="count">Number of selections.</param>
    /// <param name="output">Writer of the selection lines.</param>
    /// <exception cref="ValidationException">
    /// An input cannot be read or is invalid. The field names the option: --candidates, --entropy or --count.
    /// </exception>
    public static void Run(TextReader candidates, TextReader entropy, int count, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(entropy);
        ArgumentNullException.ThrowIfNull(output);

        var candidateLines = ReadCandidates(candidates);
        var key = ReadKey(entropy);
        if (count < 0)
        {
            throw new ValidationException("--count", Format(count), "must not be negative");
        }

        if (count > candidateLines.Count)
        {
            throw new ValidationException(
                "--count", Format(count), $"is larger than the {Format(candidateLines.Count)} candidates");
        }

        if (count > Rfc3797Selector.MaxCount)
        {
            throw new ValidationException(
                "--count", Format(count), "is above 65,536, the RFC 3797 limit of selections from one key");
        }

        var positions = Rfc3797Selector.Select(key, candidateLines.Count, count);
        var text = new StringBuilder();
        for (var j = 0; j < positions.Count; j++)
        {
            var line = positions[j];
            text.Append(CultureInfo.InvariantCulture, $"{j + 1}\t{line + 1}\t{candidateLines[line]}\n");
        }

        output.Write(text.ToString());
    }

    private static List<string> ReadCandidates(TextReader reader)
    {
        var lines = ReadAll(reader, "--candidates");
        var count = lines.Count;
        while (count > 0 && string.IsNullOrWhiteSpace(lines[count - 1]))
        {
            count--;
        }

        lines.RemoveRange(count, lines.Count - count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                // Dropping it would shift the line numbers of every later candidate.
                throw new ValidationException(
                    "--candidates", $"line {i + 1}", "is blank. Remove the line or write the candidate");
            }
        }

        return lines;
    }

    private static string ReadKey(TextReader reader)
    {
        var sources = new List<string>();
        foreach (var line in ReadAll(reader, "--entropy"))
        {
            var source = line.Trim();
            if (source.Length > 0 && !source.StartsWith('#'))
            {
                sources.Add(source);
            }
        }

        if (sources.Count == 0)
        {
            throw new ValidationException("--entropy", null, "has no source. Write one RFC 3797 source per line");
        }

        try
        {
            return Rfc3797.BuildKey(sources);
        }
        catch (ValidationException invalid)
        {
            throw new ValidationException("--entropy", invalid.Value, invalid.Reason);
        }
    }

    private static List<string> ReadAll(TextReader reader, string option)
    {
        var lines = new List<string>();
        try
        {
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }
        catch (IOException failure)
        {
            throw new ValidationException(option, null, $"could not be read: {failure.Message}");
        }
        catch (DecoderFallbackException failure)
        {
            throw new ValidationException(option, null, $"is not valid UTF-8: {failure.Message}");
        }

        return lines;
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
