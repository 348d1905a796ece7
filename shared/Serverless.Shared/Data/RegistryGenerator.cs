using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Data;

/// <summary>
/// Generates the bundled employer registry and officer roster: fictitious names, addresses and
/// certificates with valid credit codes, spread over the inspecting offices with more in the large cities.
/// No real personal data goes in. The output depends only on the offices, the items and the parameters,
/// because every choice comes from one <see cref="Random"/> with a fixed seed and integer draws.
/// </summary>
/// <remarks>
/// NOTE: .NET keeps the old algorithm for seeded <see cref="Random"/> instances for compatibility, but its
/// documentation does not promise the sequence across major versions. The regeneration test compares the
/// output with the committed files, so a change shows up there.
/// </remarks>
public static class RegistryGenerator
{
    /// <summary>Generates employers and officers for the inspecting offices among <paramref name="offices"/>.</summary>
    /// <exception cref="ValidationException">The parameters do not fit the offices or items.</exception>
    public static GeneratedRegistry Generate(
        IReadOnlyList<Office> offices, IReadOnlyList<InspectionItem> items, RegistryParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(offices);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(parameters);

        var inspecting = offices.Where(o => o.Inspects).OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        Check(parameters, inspecting.Count, items);

        var officesByCode = offices.ToDictionary(o => o.Code, StringComparer.Ordinal);
        var random = new Random(parameters.Seed);
        var employerCounts = OfficeQuotas.Employers(inspecting, parameters.EmployerCount);
        var employerFactory = new EmployerFactory(random, parameters.ReferenceDate);
        var employers = new List<Employer>(parameters.EmployerCount);
        for (var i = 0; i < inspecting.Count; i++)
        {
            var city = officesByCode[OfficeQuotas.CityOf(inspecting[i])];
            for (var k = 0; k < employerCounts[i]; k++)
            {
                employers.Add(employerFactory.Create(inspecting[i], city));
            }
        }

        var officerCounts = OfficeQuotas.Officers(employerCounts, parameters.OfficerCount);
        var officers = new OfficerFactory(random, parameters, items).Create(inspecting, officerCounts, employers);
        return new GeneratedRegistry(employers, officers);
    }

    /// <summary>
    /// Regenerates employers.csv and officers.csv in a data directory from its offices.csv and items.json
    /// with <see cref="RegistryParameters.Default"/>. Both files are replaced only when both are written.
    /// </summary>
    public static void WriteFiles(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);

        var offices = OfficeFile.Read(Path.Combine(directory, OfficeFile.FileName));
        var items = ItemFile.Read(Path.Combine(directory, ItemFile.FileName));
        var registry = Generate(offices, items, RegistryParameters.Default);
        CsvFile.WriteAll(
        [
            (Path.Combine(directory, EmployerFile.FileName), EmployerFile.Format(registry.Employers)),
            (Path.Combine(directory, OfficerFile.FileName), OfficerFile.Format(registry.Officers)),
        ]);
    }

    private static void Check(RegistryParameters parameters, int inspectingOffices, IReadOnlyList<InspectionItem> items)
    {
        if (inspectingOffices == 0)
        {
            throw new ValidationException("offices", null, "contains no office that inspects employers");
        }

        if (!items.Any(i => i.TargetType == TargetType.Employer))
        {
            throw new ValidationException("items", null, "contains no item with target type Employer");
        }

        if (parameters.EmployerCount < 1)
        {
            var count = parameters.EmployerCount.ToString(CultureInfo.InvariantCulture);
            throw new ValidationException("parameters.employerCount", count, "is less than 1");
        }

        var minimumOfficers = OfficeQuotas.MinimumOfficers * inspectingOffices;
        if (parameters.OfficerCount < minimumOfficers)
        {
            throw new ValidationException(
                "parameters.officerCount",
                parameters.OfficerCount.ToString(CultureInfo.InvariantCulture),
                $"is less than {minimumOfficers}: each of the {inspectingOffices} inspecting offices needs " +
                $"{OfficeQuotas.MinimumOfficers}");
        }
    }
}

/// <summary>Output of <see cref="RegistryGenerator.Generate"/>.</summary>
/// <param name="Employers">Employers, grouped by office in code order.</param>
/// <param name="Officers">Officers, grouped by office in code order, by id within an office.</param>
public sealed record GeneratedRegistry(IReadOnlyList<Employer> Employers, IReadOnlyList<Officer> Officers);
