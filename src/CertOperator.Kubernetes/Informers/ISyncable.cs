namespace CertOperator.Kubernetes.Informers;

/// <summary>The type-erased part of an informer the factory needs to run, await and report it.</summary>
internal interface ISyncable
{
    string Description { get; }

    bool HasSynced { get; }

    /// <summary>Since when every list attempt has failed, and the last cause; null while lists and watches work.</summary>
    (DateTimeOffset Since, int Failures, string Error)? Failing { get; }

    Task RunAsync(CancellationToken ct);

    Task WaitForSyncAsync(CancellationToken ct);
}
