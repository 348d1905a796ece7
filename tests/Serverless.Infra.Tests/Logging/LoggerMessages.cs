using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Serverless.Infra.Tests.Logging;

/// <summary>Every <c>[LoggerMessage]</c> method of the product assemblies beside the test output.</summary>
internal static class LoggerMessages
{
    private const BindingFlags AllMethods =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance |
        BindingFlags.DeclaredOnly;

    /// <summary>The product assemblies: every Serverless.* assembly except the test projects'.</summary>
    public static IReadOnlyList<Assembly> Assemblies { get; } = Directory
        .EnumerateFiles(AppContext.BaseDirectory, "Serverless.*.dll")
        .Select(Path.GetFileNameWithoutExtension)
        .Where(name => !name!.EndsWith(".Tests", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(name => Assembly.Load(name!))
        .ToList();

    public static IReadOnlyList<LoggerMessageMethod> All { get; } = Assemblies
        .SelectMany(assembly => assembly.GetTypes())
        .SelectMany(type => type.GetMethods(AllMethods))
        .Select(method => (method, attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
        .Where(pair => pair.attribute is not null)
        .Select(pair => new LoggerMessageMethod(pair.method, pair.attribute!))
        .ToList();
}

/// <summary>One <c>[LoggerMessage]</c> method and its attribute.</summary>
internal sealed record LoggerMessageMethod(MethodInfo Method, LoggerMessageAttribute Attribute)
{
    public int EventId => Attribute.EventId;

    public string Namespace => Method.DeclaringType?.Namespace ?? "";

    public string Name => $"{Method.DeclaringType?.FullName}.{Method.Name}";
}
