using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Registry;

/// <summary>
/// Writes a synthetic employer import file for load tests: valid, unique credit codes registered in the given
/// offices in turn, made-up names and addresses, and no real data.
/// </summary>
public static class EmployerFileGenerator
{
    private static readonly string[] Trades = ["电子", "服装", "物流", "餐饮", "建材", "印刷", "家具", "五金"];

    /// <summary>Writes the header and <paramref name="rows"/> rows as UTF-8 CSV.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> officeCodes, int rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(officeCodes);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (officeCodes.Count == 0)
        {
            throw new ValidationException("officeCodes", "", "is empty; name at least one inspecting office");
        }

        writer.Write(string.Join(',', EmployerLayout.Instance.Header));
        writer.Write('\n');
        for (var i = 0; i < rows; i++)
        {
            var office = officeCodes[i % officeCodes.Count];
            var number = (i / officeCodes.Count).ToString("D9", CultureInfo.InvariantCulture);
            var body = "91" + office + number;
            var code = body + CreditCode.ComputeCheckCharacter(body);
            var trade = Trades[i % Trades.Length];
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{code},{office}{trade}{number}有限公司,{office},{office}区工业路{i % 9000 + 1}号,C,{i % 500 + 1}," +
                $"Employer,GridCollection,Active\n"));
        }
    }
}
