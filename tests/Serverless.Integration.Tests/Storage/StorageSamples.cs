using System.Globalization;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Integration.Tests.Storage;

/// <summary>Registry records and storage contexts for the storage tests.</summary>
internal static class StorageSamples
{
    public const string Futian = "440304";
    public const string Nanshan = "440305";
    public const string Shenzhen = "440300";

    /// <summary>A CJK Extension B character, outside the Basic Multilingual Plane: a UTF-16 surrogate pair.</summary>
    public const string ExtensionB = "𠀀";

    /// <summary>
    /// Creates a context on the fixture's Azurite with a table prefix of its own, so tests never see each
    /// other's rows.
    /// </summary>
    public static StorageContext CreateContext(AzuriteFixture azurite, string prefix, int? maxPerPage = null)
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        return new StorageContext(
            azurite.ConnectionString, new StorageOptions { TablePrefix = prefix + unique, MaxPerPage = maxPerPage });
    }

    /// <summary>Returns a valid credit code of a Shenzhen employer, distinct for each number.</summary>
    public static string CreditCodeFor(int number)
    {
        var body = "914403" + "00" + number.ToString("D9", CultureInfo.InvariantCulture);
        return body + CreditCode.ComputeCheckCharacter(body);
    }

    public static IReadOnlyList<Office> Offices() =>
    [
        new(Shenzhen, "深圳市", OfficeTier.City, "440000", "shenzhen@hrss.gd.example", Inspects: false),
        new(Futian, "福田区", OfficeTier.County, Shenzhen, "futian@hrss.gd.example", Inspects: true),
        new(Nanshan, "南山区" + ExtensionB, OfficeTier.County, Shenzhen, "nanshan@hrss.gd.example", Inspects: true),
    ];

    public static Employer Employer(int number, string officeCode = Futian) => new(
        CreditCodeFor(number),
        $"深圳市福田{number}号电子有限公司",
        officeCode,
        "深圳市福田区深南大道" + number.ToString(CultureInfo.InvariantCulture) + "号",
        "C",
        120,
        TargetType.Employer,
        EmployerSource.GridCollection,
        [],
        null,
        EmployerStatus.Active);

    public static Officer Officer(string officerId, string officeCode = Futian) => new(
        officerId,
        officeCode,
        "王建国",
        "44030420190001",
        new DateOnly(2028, 12, 31),
        OfficerStatus.Active,
        ["LC-01", "WG-02"],
        "wang.jianguo@hrss.gd.example",
        []);

    public static InspectionItem Item(string code) => new(
        code,
        "劳动合同",
        "检查用人单位与劳动者订立书面劳动合同的情况",
        "《中华人民共和国劳动合同法》第十条",
        TargetType.Employer,
        IsKeyItem: true,
        "现场检查",
        0.050m,
        "每年一次",
        OfficeTier.County,
        1);

    public static DrawPlan Plan(string planId) => new(
        planId,
        "2026年第二季度劳动用工双随机抽查",
        Shenzhen,
        [Futian, Nanshan],
        ["LC-01", "WG-02"],
        "30 9 1 3,6,9,12 *",
        new TargetRule(0.05m, null, 0.2m),
        12,
        2,
        null,
        30,
        []);

    /// <summary>Creates a context whose offices table already contains <see cref="Offices"/>.</summary>
    public static async Task<StorageContext> CreateContextWithOfficesAsync(
        AzuriteFixture azurite, string prefix, int? maxPerPage = null)
    {
        var context = CreateContext(azurite, prefix, maxPerPage);
        await context.Registry.UpsertOfficesAsync(Offices().ToList());
        return context;
    }
}
