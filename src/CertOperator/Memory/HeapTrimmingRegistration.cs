using Microsoft.Extensions.DependencyInjection;

namespace CertOperator.Memory;

internal static class HeapTrimmingRegistration
{
    /// <summary>Only for the operator process: a forced collection in a shared test process would stall its neighbours.</summary>
    public static IServiceCollection AddHeapTrimming(this IServiceCollection services) => services
        .AddSingleton<IManagedHeap, RuntimeHeap>()
        .AddSingleton<IFilePages, ResidentFilePages>()
        .AddSingleton(HeapTrimPolicy.Default)
        .AddHostedService<HeapTrimmer>();
}
