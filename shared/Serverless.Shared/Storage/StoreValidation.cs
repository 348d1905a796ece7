using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Mail;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Storage;

/// <summary>Field checks of the stores. Each throws <see cref="ValidationException"/> naming the field.</summary>
internal static class StoreValidation
{
    /// <summary>Requires text that is not null, empty or only white space.</summary>
    public static void RequireText(string field, [NotNull] string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ValidationException(field, value, "is missing");
        }
    }

    /// <summary>Requires a string that may be empty but not null.</summary>
    public static void RequireNotNull(string field, [NotNull] string? value)
    {
        if (value is null)
        {
            throw new ValidationException(field, null, "is missing");
        }
    }

    /// <summary>Requires a six-digit GB/T 2260 division code.</summary>
    public static void RequireOfficeCode(string field, [NotNull] string? value)
    {
        if (value is null || value.Length != 6 || !value.All(char.IsAsciiDigit))
        {
            throw new ValidationException(field, value, "is not a six-digit GB/T 2260 division code");
        }
    }

    /// <summary>Requires a valid unified social credit code.</summary>
    public static void RequireCreditCode(string field, [NotNull] string? value)
    {
        var reason = CreditCode.Validate(value);
        if (value is null || reason is not null)
        {
            throw new ValidationException(field, value, reason ?? "is missing");
        }
    }

    /// <summary>Requires an e-mail address that <see cref="MailAddress"/> parses.</summary>
    public static void RequireEmail(string field, [NotNull] string? value)
    {
        RequireText(field, value);
        if (!MailAddress.TryCreate(value, out var address) || address.Address != value.Trim())
        {
            throw new ValidationException(field, value, "is not a valid e-mail address");
        }
    }

    /// <summary>Requires a value defined by its enum.</summary>
    public static void RequireDefined<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ValidationException(field, value.ToString(), $"is not a defined {typeof(TEnum).Name}");
        }
    }

    /// <summary>Requires a share from 0 to 1.</summary>
    public static void RequireRatio(string field, decimal value)
    {
        if (value is < 0m or > 1m)
        {
            throw new ValidationException(
                field, value.ToString(CultureInfo.InvariantCulture), "is not between 0 and 1");
        }
    }

    /// <summary>Requires an integer of at least <paramref name="minimum"/>.</summary>
    public static void RequireAtLeast(string field, int value, int minimum)
    {
        if (value < minimum)
        {
            throw new ValidationException(
                field, value.ToString(CultureInfo.InvariantCulture), $"is less than {minimum}");
        }
    }

    /// <summary>Requires a list whose items are all present.</summary>
    public static void RequireList(string field, [NotNull] IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            throw new ValidationException(field, null, "is missing");
        }

        for (var i = 0; i < values.Count; i++)
        {
            RequireNotNull($"{field}[{i}]", values[i]);
        }
    }

    /// <summary>Requires a list of valid table keys, for example item codes.</summary>
    public static void RequireKeyList(string field, [NotNull] IReadOnlyList<string>? values)
    {
        RequireList(field, values);
        for (var i = 0; i < values.Count; i++)
        {
            TableKeys.ThrowIfInvalid($"{field}[{i}]", values[i]);
        }
    }

    /// <summary>Requires a list of valid credit codes.</summary>
    public static void RequireCreditCodeList(string field, [NotNull] IReadOnlyList<string>? values)
    {
        RequireList(field, values);
        for (var i = 0; i < values.Count; i++)
        {
            RequireCreditCode($"{field}[{i}]", values[i]);
        }
    }

    /// <summary>
    /// Rejects a key that an earlier row of the same request already uses, because one transaction cannot
    /// write an entity twice and the later row would silently replace the earlier one.
    /// </summary>
    public static void RequireUnique(
        Dictionary<string, int> seen, string collection, int index, string fieldName, string key)
    {
        if (!seen.TryAdd(key, index))
        {
            throw new ValidationException(
                $"{collection}[{index}].{fieldName}", key, $"repeats {collection}[{seen[key]}]");
        }
    }
}
