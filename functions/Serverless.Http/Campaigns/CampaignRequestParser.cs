using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Serverless.Http.Access;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;
using Serverless.Shared.Records;

namespace Serverless.Http.Campaigns;

/// <summary>Turns a campaign request into a <see cref="Campaign"/>, naming the field of the first invalid value.</summary>
public static class CampaignRequestParser
{
    /// <summary>Longest accepted Idempotency-Key.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>Years after today within which a campaign's deadline must fall.</summary>
    public const int MaxDeadlineYears = 5;

    private const int MaxTextLength = 500;

    private static readonly DateOnly EarliestDeadline = new(1601, 1, 1);

    /// <summary>
    /// Campaign id of an Idempotency-Key: the same office and key always give the same id, and another office's
    /// identical key gives another id.
    /// </summary>
    /// <exception cref="ValidationException">The key is missing, too long or not printable ASCII.</exception>
    public static string CampaignId(string officeCode, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(officeCode);
        if (string.IsNullOrEmpty(idempotencyKey))
        {
            throw new ValidationException("Idempotency-Key", null, "is missing; send a unique key per campaign");
        }

        if (idempotencyKey.Length > MaxKeyLength || !idempotencyKey.All(c => c is >= '!' and <= '~'))
        {
            throw new ValidationException(
                "Idempotency-Key", idempotencyKey[..Math.Min(idempotencyKey.Length, 40)],
                $"must be 1 to {MaxKeyLength} printable ASCII characters without spaces");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{officeCode}\n{idempotencyKey}"));
        return "campaign-" + Convert.ToHexStringLower(hash)[..24];
    }

    /// <summary>SHA-256 of the parsed request, so the same request sent with other white space counts as a repeat.</summary>
    public static string RequestSha256(CampaignRequestBody body) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, RecordJson.Options)));

    /// <summary>Builds the campaign of a caller, or raises a <see cref="ValidationException"/> naming the field.</summary>
    public static Campaign Parse(CampaignRequestBody body, Caller caller, string campaignId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(caller);
        var name = Text("name", body.Name);
        var legalBasis = Text("legalBasis", body.LegalBasis);
        var items = Codes("itemCodes", body.ItemCodes);
        var scope = Codes("scope", body.Scope);
        foreach (var (code, i) in scope.Select((c, i) => (c, i)))
        {
            if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            {
                throw new ValidationException($"scope[{i}]", code, "is not a six-digit GB/T 2260 office code");
            }
        }

        var perTarget = body.OfficersPerTarget
            ?? throw new ValidationException("officersPerTarget", null, "is missing");
        if (perTarget < 2)
        {
            throw new ValidationException("officersPerTarget", Format(perTarget), "must be at least 2");
        }

        var borrow = body.OfficerPool switch
        {
            null or "offices" => false,
            "borrowed" => true,
            _ => throw new ValidationException("officerPool", body.OfficerPool, "must be \"offices\" or \"borrowed\""),
        };
        var sources = Codes("entropySources", body.EntropySources);
        try
        {
            Rfc3797.BuildKey(sources);
        }
        catch (ValidationException invalid)
        {
            throw new ValidationException("entropySources", invalid.Value, invalid.Reason);
        }

        var deadlineText = body.Deadline ?? throw new ValidationException("deadline", null, "is missing");
        if (!DateOnly.TryParseExact(deadlineText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline))
        {
            throw new ValidationException("deadline", deadlineText, "is not a date written yyyy-MM-dd");
        }

        // A past deadline is a valid date that the feasibility check rejects with 422; these are not plausible dates.
        if (deadline < EarliestDeadline)
        {
            throw new ValidationException("deadline", deadlineText, "is before 1601-01-01, the earliest date Table storage stores");
        }

        var latest = ChinaTime.DateOf(now).AddYears(MaxDeadlineYears);
        if (deadline > latest)
        {
            throw new ValidationException(
                "deadline", deadlineText, $"is more than {MaxDeadlineYears} years ahead; the latest accepted is {latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        var (rule, filter) = Targets(body.Targets);
        return new Campaign(
            campaignId, name, legalBasis, caller.OfficeCode, caller.PrincipalId, now, items, scope, rule, filter, perTarget,
            borrow, sources, deadline, Joint(body.Joint));
    }

    private static List<JointDepartment>? Joint(JointBody? joint)
    {
        if (joint is null)
        {
            return null;
        }

        if (joint.Departments is not { Count: > 0 } departments)
        {
            throw new ValidationException("joint.departments", null, "is empty; name at least one participating department");
        }

        var result = new List<JointDepartment>(departments.Count);
        for (var i = 0; i < departments.Count; i++)
        {
            var field = $"joint.departments[{i}]";
            var department = departments[i] ?? throw new ValidationException(field, null, "is missing");
            if (department.Code is not { } code || !TableDepartmentStore.IsValidCode(code))
            {
                throw new ValidationException(
                    $"{field}.code", department.Code, "must be 1 to 32 lowercase ASCII letters, digits or hyphens");
            }

            if (code == Department.LeadCode)
            {
                throw new ValidationException(
                    $"{field}.code", code, "is the lead department, which takes part in every campaign; leave it out");
            }

            if (result.Any(d => d.Code == code))
            {
                throw new ValidationException($"{field}.code", code, "repeats an earlier department");
            }

            var perTarget = department.OfficersPerTarget
                ?? throw new ValidationException($"{field}.officersPerTarget", null, "is missing");
            if (perTarget < 1)
            {
                throw new ValidationException($"{field}.officersPerTarget", Format(perTarget), "must be at least 1");
            }

            result.Add(new JointDepartment(code, perTarget));
        }

        return result;
    }

    private static (TargetRule Rule, TargetFilter? Filter) Targets(TargetsBody? targets)
    {
        if (targets is null)
        {
            throw new ValidationException("targets", null, "is missing; give a ratio or a count");
        }

        if (targets.Count is { } count)
        {
            if (count < 1)
            {
                throw new ValidationException("targets.count", Format(count), "must be at least 1");
            }
        }
        else if (targets.Ratio is not { } ratio)
        {
            throw new ValidationException("targets", null, "has neither a ratio nor a count");
        }
        else if (ratio is <= 0m or > 1m)
        {
            throw new ValidationException("targets.ratio", ratio.ToString(CultureInfo.InvariantCulture), "must be above 0 and at most 1");
        }

        var rule = new TargetRule(targets.Ratio ?? 0m, targets.Count);
        if (targets.Filter is not { } f)
        {
            return (rule, null);
        }

        if (f.MinHeadcount < 0)
        {
            throw new ValidationException("targets.filter.minHeadcount", Format(f.MinHeadcount.Value), "must not be negative");
        }

        if (f.MaxHeadcount < f.MinHeadcount)
        {
            throw new ValidationException(
                "targets.filter.maxHeadcount", Format(f.MaxHeadcount!.Value), "is below targets.filter.minHeadcount");
        }

        var industries = f.Industries ?? [];
        for (var i = 0; i < industries.Count; i++)
        {
            if (industries[i] is not { Length: 1 } section || !char.IsAsciiLetterUpper(section[0]))
            {
                throw new ValidationException($"targets.filter.industries[{i}]", industries[i], "is not a GB/T 4754 section letter");
            }
        }

        return (rule, new TargetFilter(industries, f.MinHeadcount, f.MaxHeadcount, f.RiskFlagged ?? false));
    }

    private static string Text(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ValidationException(field, value, "is missing");
        }

        if (value.Length > MaxTextLength)
        {
            throw new ValidationException(field, value[..40], $"is longer than {MaxTextLength} characters");
        }

        FreeText.ThrowIfControlCharacter(field, value);
        return value.Trim();
    }

    private static List<string> Codes(string field, IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            throw new ValidationException(field, null, "is empty; give at least one");
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                throw new ValidationException($"{field}[{i}]", values[i], "is empty");
            }
        }

        if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            throw new ValidationException(field, string.Join(",", values), "repeats a value");
        }

        return [.. values];
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
