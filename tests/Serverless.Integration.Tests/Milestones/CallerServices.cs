using Serverless.Http.Access;

namespace Serverless.Integration.Tests.Milestones;

/// <summary>The services of a runtime, with a fixed caller in place of the host's caller resolver.</summary>
internal sealed class CallerServices(IServiceProvider inner, ICallerResolver resolver) : IServiceProvider
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(ICallerResolver) ? resolver : inner.GetService(serviceType);
}
