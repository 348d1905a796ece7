using Serverless.Shared.Domain;

namespace Serverless.Shared.Data;

/// <summary>
/// The data bundled with the product for Guangdong: offices, the inspection item list, a generated
/// employer registry and officer roster, and the default draw plans.
/// </summary>
public sealed class BundledData
{
    /// <summary>Path of the bundled data directory relative to the repository root.</summary>
    public static readonly string RelativeDirectory = Path.Combine("shared", "data", "guangdong");

    private BundledData(
        IReadOnlyList<Office> offices,
        IReadOnlyList<InspectionItem> items,
        IReadOnlyList<Employer> employers,
        IReadOnlyList<Officer> officers,
        IReadOnlyList<DrawPlan> plans)
    {
        Offices = offices;
        Items = items;
        Employers = employers;
        Officers = officers;
        Plans = plans;
    }

    /// <summary>Offices in file order, with <see cref="Office.Inspects"/> derived from the tree.</summary>
    public IReadOnlyList<Office> Offices { get; }

    /// <summary>Random inspection items.</summary>
    public IReadOnlyList<InspectionItem> Items { get; }

    /// <summary>Employer registry.</summary>
    public IReadOnlyList<Employer> Employers { get; }

    /// <summary>Officer roster.</summary>
    public IReadOnlyList<Officer> Officers { get; }

    /// <summary>Default draw plans.</summary>
    public IReadOnlyList<DrawPlan> Plans { get; }

    /// <summary>
    /// Reads and validates offices.csv, items.json, employers.csv, officers.csv and plans.json from a
    /// directory. Every row is checked against the rows it refers to.
    /// </summary>
    /// <exception cref="ValidationException">A value is invalid. Its field names the file, line and column.</exception>
    /// <exception cref="FileNotFoundException">One of the files is missing.</exception>
    public static BundledData Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);

        var offices = OfficeFile.Read(Path.Combine(directory, OfficeFile.FileName));
        var officesByCode = offices.ToDictionary(o => o.Code, StringComparer.Ordinal);
        var items = ItemFile.Read(Path.Combine(directory, ItemFile.FileName));
        var itemCodes = items.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var employers = EmployerFile.Read(Path.Combine(directory, EmployerFile.FileName), officesByCode);
        var creditCodes = employers.Select(e => e.CreditCode).ToHashSet(StringComparer.Ordinal);
        var officers = OfficerFile.Read(
            Path.Combine(directory, OfficerFile.FileName), officesByCode, itemCodes, creditCodes);
        var plans = PlanFile.Read(Path.Combine(directory, PlanFile.FileName), officesByCode, itemCodes);
        return new BundledData(offices, items, employers, officers, plans);
    }

    /// <summary>
    /// Finds shared/data/guangdong in the repository by walking up from the application's base directory,
    /// so that a program started anywhere inside the repository finds the data.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No parent directory contains the bundled data.</exception>
    public static string FindDefaultDirectory()
    {
        var start = AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RelativeDirectory);
            if (File.Exists(Path.Combine(candidate, OfficeFile.FileName)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"Bundled data not found: neither '{start}' nor any parent contains " +
            $"{Path.Combine(RelativeDirectory, OfficeFile.FileName)}. " +
            "Run from inside the repository or pass the data directory.");
    }
}
