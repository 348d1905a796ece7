using System.Globalization;
using System.Text;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Data;

/// <summary>
/// Creates fictitious employers with valid, unique credit codes and unique names. Every choice comes from
/// one seeded <see cref="Random"/>, so the same sequence of calls gives the same employers.
/// </summary>
internal sealed class EmployerFactory
{
    private const string Province = "广东";

    private readonly Random random;
    private readonly DateOnly referenceDate;
    private readonly HashSet<string> creditCodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    public EmployerFactory(Random random, DateOnly referenceDate)
    {
        this.random = random;
        this.referenceDate = referenceDate;
    }

    /// <summary>Creates an employer of an inspecting office that belongs to <paramref name="city"/>.</summary>
    public Employer Create(Office office, Office city)
    {
        var targetType = PickTargetType();

        // Authority 5 with category 2 is a private non-enterprise unit (民办非企业单位), the usual form of a
        // private training school. Authority 9 with category 1 is a company registered by market regulation.
        var registration = targetType == TargetType.VocationalTrainingInstitution ? "52" : "91";
        var creditCode = NewCreditCode(registration, office.Code);
        var (industry, name) = NewName(office, city, targetType);
        var address = NewAddress(office, city);
        var headcount = PickHeadcount();
        var source = PickSource();
        var riskFlags = PickRiskFlags();
        DateOnly? lastInspectedOn = random.Chance(200)
            ? random.Date(referenceDate.AddYears(-2), referenceDate.AddDays(-1))
            : null;
        return new Employer(
            creditCode, name, office.Code, address, industry, headcount, targetType, source, riskFlags, lastInspectedOn,
            EmployerStatus.Active);
    }

    private TargetType PickTargetType() => random.Pick([930, 30, 25, 15]) switch
    {
        1 => TargetType.LabourDispatchAgency,
        2 => TargetType.HumanResourcesServiceAgency,
        3 => TargetType.VocationalTrainingInstitution,
        _ => TargetType.Employer,
    };

    private string NewCreditCode(string prefix, string divisionCode)
    {
        var body = new StringBuilder(CreditCode.Length);
        do
        {
            body.Clear().Append(prefix).Append(divisionCode);
            for (var i = 0; i < 9; i++)
            {
                body.Append(CreditCode.Alphabet[random.Next(CreditCode.Alphabet.Length)]);
            }

            body.Append(CreditCode.ComputeCheckCharacter(body.ToString()));
        }
        while (!creditCodes.Add(body.ToString()));

        return body.ToString();
    }

    private (string Industry, string Name) NewName(Office office, Office city, TargetType targetType)
    {
        var (industry, words) = targetType switch
        {
            TargetType.LabourDispatchAgency => ("L", WordLists.DispatchWords),
            TargetType.HumanResourcesServiceAgency => ("L", WordLists.HumanResourcesWords),
            TargetType.VocationalTrainingInstitution => ("P", WordLists.TrainingSchoolNames),
            _ => PickIndustry(),
        };

        // Names are kept unique across the registry, so a clash draws a new name.
        while (true)
        {
            var name = targetType == TargetType.VocationalTrainingInstitution
                ? LocalPrefix(office, city) + TradeName() + random.PickFrom(words)
                : NamePrefix(office, city) + TradeName() + random.PickFrom(words) + PickLegalForm();
            if (names.Add(name))
            {
                return (industry, name);
            }
        }
    }

    private (string Section, string[] Words) PickIndustry()
    {
        var industries = WordLists.Industries;
        var index = random.Pick(industries.Select(i => i.Weight).ToArray());
        return (industries[index].Section, industries[index].Words);
    }

    private string NamePrefix(Office office, Office city) => random.Next(10) switch
    {
        < 4 => LocalPrefix(office, city),
        < 8 => city.Name,
        _ => Province,
    };

    // A district is named with its city (广州市天河区); a county or county-level city is used alone (台山市).
    private static string LocalPrefix(Office office, Office city)
    {
        if (office.Code == city.Code)
        {
            return city.Name;
        }

        return office.Name.EndsWith('区') ? city.Name + office.Name : office.Name;
    }

    private string TradeName() =>
        random.PickFrom(WordLists.TradeNameFirst) + random.PickFrom(WordLists.TradeNameSecond);

    private string PickLegalForm() => random.Pick([85, 10, 5]) switch
    {
        1 => "有限责任公司",
        2 => "股份有限公司",
        _ => "有限公司",
    };

    private string NewAddress(Office office, Office city)
    {
        var district = office.Code == city.Code ? string.Empty : office.Name;
        var number = (1 + random.Next(999)).ToString(CultureInfo.InvariantCulture);
        var road = random.PickFrom(WordLists.Roads) + random.PickFrom(WordLists.RoadSuffixes);
        return $"{Province}省{city.Name}{district}{road}{number}号";
    }

    private int PickHeadcount() => random.Pick([250, 400, 220, 100, 30]) switch
    {
        0 => 1 + random.Next(9),
        1 => 10 + random.Next(40),
        2 => 50 + random.Next(150),
        3 => 200 + random.Next(800),
        _ => 1000 + random.Next(4001),
    };

    private EmployerSource PickSource() => random.Pick([600, 250, 150]) switch
    {
        1 => EmployerSource.SelfDeclaration,
        2 => EmployerSource.CaseHandling,
        _ => EmployerSource.GridCollection,
    };

    private string[] PickRiskFlags()
    {
        if (!random.Chance(30))
        {
            return [];
        }

        var first = random.Pick([50, 15, 15, 10, 10]);
        if (!random.Chance(200))
        {
            return [WordLists.RiskFlags[first]];
        }

        var second = (first + 1 + random.Next(WordLists.RiskFlags.Length - 1)) % WordLists.RiskFlags.Length;
        return [WordLists.RiskFlags[first], WordLists.RiskFlags[second]];
    }
}
