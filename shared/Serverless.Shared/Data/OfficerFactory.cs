using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Data;

/// <summary>
/// Creates the fictitious officer roster. The first <see cref="CoreOfficers"/> officers of every office are
/// active, qualified for every general item and hold certificates valid for at least the year after the
/// reference date, so every office can staff draws for that year. The exceptions (expired certificates,
/// suspended and retired officers, a missing general item) fall on the other officers, in fixed numbers.
/// </summary>
internal sealed class OfficerFactory
{
    /// <summary>Officers per office that are always eligible for a draw of general items.</summary>
    public const int CoreOfficers = 8;

    private readonly Random random;
    private readonly RegistryParameters parameters;
    private readonly List<string> generalItems;
    private readonly List<List<string>> specialisedGroups;

    public OfficerFactory(Random random, RegistryParameters parameters, IReadOnlyList<InspectionItem> items)
    {
        this.random = random;
        this.parameters = parameters;
        generalItems = items.Where(i => i.TargetType == TargetType.Employer).Select(i => i.Code).ToList();
        specialisedGroups = items
            .Where(i => i.TargetType != TargetType.Employer)
            .GroupBy(i => i.TargetType)
            .OrderBy(g => g.Key)
            .Select(g => g.Select(i => i.Code).ToList())
            .ToList();
    }

    /// <summary>
    /// Creates <paramref name="counts"/>[i] officers for each office <paramref name="offices"/>[i], with
    /// conflicts drawn from <paramref name="employers"/> of the same office.
    /// </summary>
    public List<Officer> Create(
        IReadOnlyList<Office> offices, IReadOnlyList<int> counts, IReadOnlyList<Employer> employers)
    {
        var officers = new List<Officer>();
        var others = new List<int>();
        for (var o = 0; o < offices.Count; o++)
        {
            for (var sequence = 1; sequence <= counts[o]; sequence++)
            {
                var core = sequence <= CoreOfficers;
                if (!core)
                {
                    others.Add(officers.Count);
                }

                officers.Add(NewOfficer(offices[o].Code, sequence, core));
            }
        }

        AssignExceptions(officers, others);
        AssignConflicts(officers, employers);
        return officers;
    }

    private Officer NewOfficer(string officeCode, int sequence, bool core)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"GD-{officeCode}-{sequence:D4}");
        var name = random.PickFrom(WordLists.Surnames) + random.PickFrom(WordLists.GivenNameCharacters)
            + (random.Chance(700) ? random.PickFrom(WordLists.GivenNameCharacters) : string.Empty);
        var certificate = string.Create(CultureInfo.InvariantCulture, $"粤执法{officeCode}{sequence:D5}");
        var year = parameters.ReferenceDate.Year;
        var expiry = random.Date(new DateOnly(year + (core ? 2 : 1), 1, 1), new DateOnly(year + 4, 12, 31));

        // One officer in ten is not trained for a given specialised kind of target.
        var qualifications = new List<string>(generalItems);
        foreach (var group in specialisedGroups.Where(_ => random.Chance(900)))
        {
            qualifications.AddRange(group);
        }

        var email = id.ToLowerInvariant() + "@hrss.example";
        return new Officer(id, officeCode, name, certificate, expiry, OfficerStatus.Active, qualifications, email, []);
    }

    // Exact shares of the whole roster, rounded: 3% expired, 2% suspended, 1% retired and 3% without one
    // general item, on distinct officers outside the core.
    private void AssignExceptions(List<Officer> officers, List<int> others)
    {
        random.Shuffle(others);
        var queue = new Queue<int>(others);
        var reference = parameters.ReferenceDate;
        foreach (var i in Take(queue, Share(officers.Count, 3)))
        {
            var expiry = random.Date(reference.AddYears(-2), reference.AddDays(-1));
            officers[i] = officers[i] with { CertificateExpiry = expiry };
        }

        foreach (var i in Take(queue, Share(officers.Count, 2)))
        {
            officers[i] = officers[i] with { Status = OfficerStatus.Suspended };
        }

        foreach (var i in Take(queue, Share(officers.Count, 1)))
        {
            officers[i] = officers[i] with { Status = OfficerStatus.Retired };
        }

        foreach (var i in Take(queue, Share(officers.Count, 3)))
        {
            var missing = random.PickFrom(generalItems);
            var qualifications = officers[i].Qualifications.Where(q => q != missing).ToList();
            officers[i] = officers[i] with { Qualifications = qualifications };
        }
    }

    // 2% of the officers declare one or two employers of their own office they must not inspect.
    private void AssignConflicts(List<Officer> officers, IReadOnlyList<Employer> employers)
    {
        var byOffice = employers.ToLookup(e => e.OfficeCode, StringComparer.Ordinal);
        var order = Enumerable.Range(0, officers.Count).ToList();
        random.Shuffle(order);
        var candidates = order.Where(i => byOffice[officers[i].OfficeCode].Any());
        foreach (var i in candidates.Take(Share(officers.Count, 2)))
        {
            var pool = byOffice[officers[i].OfficeCode].Select(e => e.CreditCode).ToList();
            var count = Math.Min(pool.Count, 1 + random.Next(2));
            random.Shuffle(pool);
            officers[i] = officers[i] with { Conflicts = pool.Take(count).Order(StringComparer.Ordinal).ToList() };
        }
    }

    private static int Share(int total, int percent) => ((total * percent) + 50) / 100;

    private static IEnumerable<int> Take(Queue<int> queue, int count)
    {
        for (var taken = 0; taken < count && queue.Count > 0; taken++)
        {
            yield return queue.Dequeue();
        }
    }
}
