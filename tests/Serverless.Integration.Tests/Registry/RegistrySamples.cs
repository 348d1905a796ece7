using System.Globalization;
using System.Text;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;
using Serverless.Shared.Storage;

namespace Serverless.Integration.Tests.Registry;

/// <summary>Offices, import files and contexts for the registry management tests.</summary>
internal static class RegistrySamples
{
    public const string Province = "440000";
    public const string Shenzhen = "440300";
    public const string Futian = "440304";
    public const string Nanshan = "440305";

    public const string EmployerHeader = "creditCode,name,officeCode,address,industry,headcount,targetType,source,status";

    public const string OfficerHeader =
        "officerId,officeCode,name,certificateNumber,certificateExpiry,status,qualifications,email,conflicts";

    /// <summary>Start of the tests' clock: 2026-12-04 10:00 UTC, 18:00 in China.</summary>
    public static DateTimeOffset Now { get; } = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Office> Offices() =>
    [
        new(Province, "广东省", OfficeTier.Province, null, "gd@hrss.gd.example", Inspects: false),
        new(Shenzhen, "深圳市", OfficeTier.City, Province, "shenzhen@hrss.gd.example", Inspects: false),
        new(Futian, "福田区", OfficeTier.County, Shenzhen, "futian@hrss.gd.example", Inspects: true),
        new(Nanshan, "南山区", OfficeTier.County, Shenzhen, "nanshan@hrss.gd.example", Inspects: true),
    ];

    /// <summary>Returns a valid credit code registered in <paramref name="division"/>, distinct per number.</summary>
    public static string CreditCodeFor(int number, string division = Futian)
    {
        var body = "91" + division + number.ToString("D9", CultureInfo.InvariantCulture);
        return body + CreditCode.ComputeCheckCharacter(body);
    }

    /// <summary>Returns the code with a wrong check character.</summary>
    public static string WithBadCheck(string code)
    {
        var wrong = code[^1] == '0' ? '1' : '0';
        return string.Concat(code.AsSpan(0, code.Length - 1), wrong.ToString());
    }

    public static string EmployerLine(int number, string office = Futian, string? creditCode = null) =>
        $"{creditCode ?? CreditCodeFor(number, office)},深圳市{number}号电子有限公司,{office}," +
        $"深圳市深南大道{number}号,C,{number + 10},Employer,GridCollection,Active";

    public static string OfficerLine(string id, string office = Futian, string expiry = "2029-06-30", string conflicts = "") =>
        $"{id},{office},王建国{id[^2..]},粤执法{id},{expiry},Active,LS-01;LS-02,{id.ToLowerInvariant()}@hrss.example," +
        conflicts;

    public static string Csv(string header, IEnumerable<string> lines) =>
        string.Join('\n', new[] { header }.Concat(lines)) + "\n";

    public static MemoryStream Stream(string text, Encoding? encoding = null) =>
        new((encoding ?? Encoding.UTF8).GetBytes(text));

    /// <summary>Creates registry tables on a fresh prefix with <see cref="Offices"/> and two items stored.</summary>
    public static async Task<RegistryTables> CreateTablesAsync(AzuriteFixture azurite)
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        var storage = new StorageContext(
            azurite.ConnectionString, new StorageOptions { TablePrefix = "reg" + unique });
        await storage.Registry.UpsertOfficesAsync(Offices().ToList());
        await storage.Registry.UpsertItemsAsync([Item("LS-01"), Item("LS-02")]);
        return new RegistryTables(storage);
    }

    public static RegistryImporter Importer(RegistryTables tables) =>
        new(tables, new TableHistoryStore(tables), Clock);

    public static ImportRequest Request(string office = Futian, string reason = "employers.csv") =>
        new(office, "cli:tester", reason);

    private static InspectionItem Item(string code) => new(
        code, "劳动合同", "检查书面劳动合同的订立情况", "《中华人民共和国劳动合同法》第十条", TargetType.Employer,
        IsKeyItem: true, "现场检查", 0.05m, "每年一次", OfficeTier.County, 1);

    /// <summary>Shared clock of the tests, so later imports get later history entries.</summary>
    public static SteppingClock Clock { get; } = new(Now);

    /// <summary>A clock that starts at a fixed time and moves one second forward on every reading.</summary>
    internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private long seconds;

        public override DateTimeOffset GetUtcNow() => start.AddSeconds(Interlocked.Increment(ref seconds));
    }
}
