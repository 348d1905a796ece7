namespace Serverless.Host.Local;

/// <summary>
/// Last lines of a child process's output, kept so that an error message can show them. Thread-safe because
/// the process raises its output events on thread-pool threads.
/// </summary>
internal sealed class OutputTail(int maxLines)
{
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Enqueue(line);
            while (lines.Count > maxLines)
            {
                lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (gate)
        {
            return lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, lines);
        }
    }
}
