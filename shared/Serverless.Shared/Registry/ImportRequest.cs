using System.Text;

namespace Serverless.Shared.Registry;

/// <summary>Who imports a file, for which office, and why.</summary>
/// <param name="OfficeCode">Importing office; every row must belong to it or an office below it.</param>
/// <param name="Actor">Principal id of an HTTP caller, or <c>cli:{user}</c> for the command line.</param>
/// <param name="Reason">Reason recorded in the history of every changed row, for example the file name.</param>
/// <param name="Encoding">Encoding of a CSV file, or null to detect UTF-8 or GB18030.</param>
public sealed record ImportRequest(string OfficeCode, string Actor, string Reason, Encoding? Encoding = null);
