namespace Serverless.Shared.Domain;

/// <summary>The office hierarchy: province, cities, and counties or districts below them.</summary>
public sealed class OfficeTree
{
    private readonly Dictionary<string, Office> byCode;
    private readonly ILookup<string, Office> children;

    public OfficeTree(IEnumerable<Office> offices)
    {
        ArgumentNullException.ThrowIfNull(offices);
        byCode = offices.ToDictionary(o => o.Code, StringComparer.Ordinal);
        children = byCode.Values.Where(o => o.ParentCode is not null).ToLookup(o => o.ParentCode!, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<Office> Offices => byCode.Values;

    public Office? Find(string code) => byCode.GetValueOrDefault(code);

    /// <summary>Returns the office, or raises a <see cref="ValidationException"/> naming the field.</summary>
    public Office Get(string code, string field) =>
        Find(code) ?? throw new ValidationException(field, code, "is not a known office code");

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public bool IsSameOrBelow(string code, string ancestor)
    {
        for (var current = Find(code); current is not null; current = current.ParentCode is null ? null : Find(current.ParentCode))
        {
            if (current.Code == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns the codes of the inspecting offices at or below every office in scope, in ordinal order.
    /// </summary>
    public IReadOnlyList<string> InspectingOfficesIn(IReadOnlyList<string> scope, string field)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Count == 0)
        {
            throw new ValidationException(field, "", "is empty; name at least one office");
        }

        var result = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scope.Count; i++)
        {
            var root = Get(scope[i], $"{field}[{i}]");
            var stack = new Stack<Office>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var office = stack.Pop();
                if (office.Inspects)
                {
                    result.Add(office.Code);
                }

                foreach (var child in children[office.Code])
                {
                    stack.Push(child);
                }
            }
        }

        return [.. result];
    }
}
