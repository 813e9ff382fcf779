using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Kubernetes.Controllers;

/// <summary>Entry point: <c>ControllerBuilder.For&lt;Certificate&gt;().Owns&lt;Secret&gt;().WithConcurrency(4).Build(reconciler)</c>.</summary>
public static class ControllerBuilder
{
    public static ControllerBuilder<TPrimary> For<TPrimary>()
        where TPrimary : class, IKubernetesObject<TPrimary> => new();
}

/// <summary>Declares what wakes a controller: its primary kind, owned kinds, and related kinds mapped to primary keys.</summary>
public sealed class ControllerBuilder<TPrimary>
    where TPrimary : class, IKubernetesObject<TPrimary>
{
    private readonly List<Action<SharedInformerFactory, Action<ObjectKey>>> _sources = [];
    private readonly List<(string Name, Func<TPrimary, IEnumerable<string>> Function)> _indexes = [];
    private string _name = TPrimary.Resource.Plural;
    private int _concurrency = 1;

    internal ControllerBuilder() =>
        _sources.Add((factory, enqueue) => factory.GetInformer<TPrimary>().AddEventHandler(Handler<TPrimary>(item => [ObjectKey.Of(item)], enqueue)));

    public ControllerBuilder<TPrimary> Named(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _name = name;
        return this;
    }

    public ControllerBuilder<TPrimary> WithConcurrency(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        _concurrency = workers;
        return this;
    }

    /// <summary>Adds an index to the shared primary informer, for <see cref="WatchesByIndex{TRelated}"/> and for reconcilers.</summary>
    public ControllerBuilder<TPrimary> WithIndex(string name, Func<TPrimary, IEnumerable<string>> indexFunction)
    {
        _indexes.Add((name, indexFunction));
        return this;
    }

    /// <summary>Changes to a <typeparamref name="TOwned"/> wake the primary named by its controller ownerReference.</summary>
    public ControllerBuilder<TPrimary> Owns<TOwned>(bool metadataOnly = false)
        where TOwned : class, IKubernetesObject<TOwned>
    {
        _sources.Add((factory, enqueue) =>
        {
            if (metadataOnly)
            {
                factory.GetMetadataInformer<TOwned>().AddEventHandler(Handler<PartialObjectMetadata>(OwnerKeys, enqueue));
            }
            else
            {
                factory.GetInformer<TOwned>().AddEventHandler(Handler<TOwned>(OwnerKeys, enqueue));
            }
        });
        return this;
    }

    /// <summary>Changes to a <typeparamref name="TRelated"/> wake the primaries <paramref name="map"/> returns.</summary>
    public ControllerBuilder<TPrimary> Watches<TRelated>(Func<TRelated, IEnumerable<ObjectKey>> map)
        where TRelated : class, IKubernetesObject<TRelated>
    {
        _sources.Add((factory, enqueue) => factory.GetInformer<TRelated>().AddEventHandler(Handler(map, enqueue)));
        return this;
    }

    /// <summary>Metadata-only variant of <see cref="Watches{TRelated}"/> (e.g. Secrets, without caching their data).</summary>
    public ControllerBuilder<TPrimary> WatchesMetadata<TRelated>(Func<PartialObjectMetadata, IEnumerable<ObjectKey>> map)
        where TRelated : class, IKubernetesObject<TRelated>
    {
        _sources.Add((factory, enqueue) => factory.GetMetadataInformer<TRelated>().AddEventHandler(Handler(map, enqueue)));
        return this;
    }

    /// <summary>
    /// A <typeparamref name="TRelated"/> named "ns/name" wakes the primaries whose index <paramref name="indexName"/>
    /// holds "ns/name" — e.g. a Secret wakes the Certificates with that spec.secretName.
    /// </summary>
    public ControllerBuilder<TPrimary> WatchesByIndex<TRelated>(string indexName, bool metadataOnly = true)
        where TRelated : class, IKubernetesObject<TRelated>
    {
        _sources.Add((factory, enqueue) =>
        {
            var primaries = factory.GetInformer<TPrimary>().Store;
            IEnumerable<ObjectKey> Map(IKubernetesObject related) =>
                primaries.ByIndex(indexName, ObjectKey.Of(related).ToString()).Select(ObjectKey.Of);
            if (metadataOnly)
            {
                factory.GetMetadataInformer<TRelated>().AddEventHandler(Handler<PartialObjectMetadata>(Map, enqueue));
            }
            else
            {
                factory.GetInformer<TRelated>().AddEventHandler(Handler<TRelated>(Map, enqueue));
            }
        });
        return this;
    }

    /// <summary>
    /// Metadata-only variant of <see cref="WatchesByIndex{TRelated}(string, Func{TRelated, IEnumerable{string}})"/>:
    /// e.g. a Secret wakes the primaries whose index holds a value derived from its name or annotations.
    /// </summary>
    public ControllerBuilder<TPrimary> WatchesMetadataByIndex<TRelated>(string indexName, Func<PartialObjectMetadata, IEnumerable<string>> indexValues)
        where TRelated : class, IKubernetesObject<TRelated>
    {
        _sources.Add((factory, enqueue) =>
        {
            var primaries = factory.GetInformer<TPrimary>().Store;
            factory.GetMetadataInformer<TRelated>().AddEventHandler(Handler<PartialObjectMetadata>(
                related => indexValues(related).SelectMany(value => primaries.ByIndex(indexName, value)).Select(ObjectKey.Of), enqueue));
        });
        return this;
    }

    /// <summary>
    /// A <typeparamref name="TRelated"/> wakes the primaries whose index <paramref name="indexName"/> holds
    /// <paramref name="indexValue"/>(related) — e.g. an Issuer wakes the CertificateRequests that reference it.
    /// </summary>
    public ControllerBuilder<TPrimary> WatchesByIndex<TRelated>(string indexName, Func<TRelated, string> indexValue)
        where TRelated : class, IKubernetesObject<TRelated> =>
        WatchesByIndex<TRelated>(indexName, related => [indexValue(related)]);

    /// <summary>
    /// A <typeparamref name="TRelated"/> wakes the primaries whose index <paramref name="indexName"/> holds any of
    /// <paramref name="indexValues"/>(related) — e.g. an Issuer wakes the Certificates naming any Secret it names.
    /// </summary>
    public ControllerBuilder<TPrimary> WatchesByIndex<TRelated>(string indexName, Func<TRelated, IEnumerable<string>> indexValues)
        where TRelated : class, IKubernetesObject<TRelated>
    {
        _sources.Add((factory, enqueue) =>
        {
            var primaries = factory.GetInformer<TPrimary>().Store;
            factory.GetInformer<TRelated>().AddEventHandler(Handler<TRelated>(
                related => indexValues(related).SelectMany(value => primaries.ByIndex(indexName, value)).Select(ObjectKey.Of), enqueue));
        });
        return this;
    }

    public ControllerDefinition Build(IReconciler reconciler)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        var sources = _sources.ToList();
        var indexes = _indexes.ToList();
        return new ControllerDefinition(_name, _concurrency, reconciler, (factory, enqueue) =>
        {
            var primary = factory.GetInformer<TPrimary>();
            foreach (var (name, function) in indexes)
            {
                primary.AddIndex(name, function);
            }

            foreach (var source in sources)
            {
                source(factory, enqueue);
            }
        });
    }

    private static IEnumerable<ObjectKey> OwnerKeys(IKubernetesObject owned)
    {
        var resource = TPrimary.Resource;
        foreach (var owner in owned.Metadata.OwnerReferences ?? [])
        {
            if (owner.Controller == true && owner.Kind == resource.Kind && owner.ApiVersion == resource.ApiVersion)
            {
                yield return new ObjectKey(resource.Namespaced ? owned.Metadata.NamespaceProperty : null, owner.Name);
            }
        }
    }

    private static InformerHandler<T> Handler<T>(Func<T, IEnumerable<ObjectKey>> map, Action<ObjectKey> enqueue)
        where T : class
    {
        void Enqueue(T item)
        {
            foreach (var key in map(item))
            {
                enqueue(key);
            }
        }

        return new InformerHandler<T>
        {
            OnAdd = Enqueue,
            OnUpdate = (old, current) =>
            {
                Enqueue(old);
                Enqueue(current);
            },
            OnDelete = Enqueue,
        };
    }
}
