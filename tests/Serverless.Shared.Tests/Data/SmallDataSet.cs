using System.Text;
using Serverless.Shared.Data;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Tests.Data;

/// <summary>
/// A minimal valid data directory in a temporary folder (a province, Guangzhou with Tianhe, Dongguan), to be
/// edited by a test before loading.
/// </summary>
public sealed class SmallDataSet : IDisposable
{
    /// <summary>Credit code of the Tianhe employer on line 2 of employers.csv.</summary>
    public static readonly string TianheEmployer = WithCheck("91440106MA59XK2Q7");

    /// <summary>Credit code of the Dongguan employer on line 3 of employers.csv.</summary>
    public static readonly string DongguanEmployer = WithCheck("91441900MA4WQ83N1");

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public SmallDataSet()
    {
        Directory = Path.Combine(Path.GetTempPath(), "bundled-data-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Write("offices.csv", """
            code,name,tier,parentCode,email
            440000,广东省,Province,,rst-440000@hrss.example
            440100,广州市,City,440000,rsj-440100@hrss.example
            440106,天河区,County,440100,rsj-440106@hrss.example
            441900,东莞市,City,440000,rsj-441900@hrss.example
            """);
        Write("items.json", """
            [
              {
                "code": "LS-01",
                "category": "劳动合同",
                "content": "订立书面劳动合同的情况",
                "legalBasis": "《中华人民共和国劳动合同法》第十条",
                "targetType": "Employer",
                "isKeyItem": true,
                "method": "书面材料审查",
                "ratio": 0.05,
                "frequency": "每年一次",
                "tier": "County",
                "version": 1
              },
              {
                "code": "LS-16",
                "category": "劳务派遣",
                "content": "劳务派遣行政许可",
                "legalBasis": "《劳务派遣暂行规定》",
                "targetType": "LabourDispatchAgency",
                "isKeyItem": false,
                "method": "现场检查",
                "ratio": 0.1,
                "frequency": "每年一次",
                "tier": "County",
                "version": 1
              }
            ]
            """);
        var tianhe = string.Join(
            ',',
            [TianheEmployer, "广州市天河区恒达电子科技有限公司", "440106", "广东省广州市天河区建设路1号", "C", "120"]);
        var dongguan = string.Join(
            ',', [DongguanEmployer, "东莞市宏信劳务派遣有限公司", "441900", "广东省东莞市人民路8号", "L", "35"]);
        Write("employers.csv", $"""
            creditCode,name,officeCode,address,industry,headcount,targetType,source,riskFlags,lastInspectedOn,status
            {tianhe},Employer,GridCollection,欠薪投诉,2026-03-02,Active
            {dongguan},LabourDispatchAgency,SelfDeclaration,,,Active
            """);
        const string TianheMail = "gd-440106-0001@hrss.example";
        const string DongguanMail = "gd-441900-0001@hrss.example";
        Write("officers.csv", $"""
            officerId,officeCode,name,certificateNumber,certificateExpiry,status,qualifications,email,conflicts
            GD-440106-0001,440106,陈伟,粤执法44010600001,2028-06-30,Active,LS-01;LS-16,{TianheMail},{TianheEmployer}
            GD-441900-0001,441900,李芳,粤执法44190000001,2027-01-31,Suspended,LS-01,{DongguanMail},
            """);
        Write("plans.json", """
            [
              {
                "planId": "gd-monthly",
                "name": "广东省劳动保障监察月度双随机抽查",
                "ownerOfficeCode": "440000",
                "officeCodes": ["440000"],
                "itemCodes": ["LS-01"],
                "schedule": "0 9 1 * *",
                "targets": { "ratio": 0.05, "count": null, "riskRatio": null },
                "exclusionMonths": 12,
                "officersPerTarget": 2,
                "maxTargetsPerOfficer": null,
                "inspectionDays": 30,
                "entropySources": []
              }
            ]
            """);
    }

    public string Directory { get; }

    /// <summary>Replaces the one occurrence of <paramref name="text"/> in a file.</summary>
    public void Replace(string fileName, string text, string replacement)
    {
        var path = Path.Combine(Directory, fileName);
        var content = File.ReadAllText(path, Encoding.UTF8);
        var index = content.IndexOf(text, StringComparison.Ordinal);
        if (index < 0 || content.IndexOf(text, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"'{text}' does not occur exactly once in {fileName}.");
        }

        File.WriteAllText(path, content.Remove(index, text.Length).Insert(index, replacement), Utf8);
    }

    /// <summary>Appends a line to a CSV file.</summary>
    public void AppendLine(string fileName, string line) =>
        File.AppendAllText(Path.Combine(Directory, fileName), line + "\n", Utf8);

    public BundledData Load() => BundledData.Load(Directory);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string WithCheck(string body) => body + CreditCode.ComputeCheckCharacter(body);

    private void Write(string fileName, string content) =>
        File.WriteAllText(Path.Combine(Directory, fileName), content.ReplaceLineEndings("\n") + "\n", Utf8);
}
