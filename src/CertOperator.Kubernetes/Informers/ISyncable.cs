namespace CertOperator.Kubernetes.Informers;

/// <summary>The type-erased part of an informer the factory needs to run and await it.</summary>
internal interface ISyncable
{
    Task RunAsync(CancellationToken ct);

    Task WaitForSyncAsync(CancellationToken ct);
}
