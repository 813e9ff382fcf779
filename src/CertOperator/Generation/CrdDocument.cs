using System.Reflection;
using CertOperator.Crds.Schema;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Generation;

/// <summary>The apiextensions.k8s.io/v1 CustomResourceDefinition of one kind, as a tree ready for YAML.</summary>
internal static class CrdDocument
{
    public static SortedDictionary<string, object> For<T>(CrdSchemaBuilder schemas)
        where T : class, IKubernetesObject<T>
    {
        var resource = T.Resource;
        var type = typeof(T);
        var names = Map(
            ("kind", resource.Kind),
            ("listKind", resource.Kind + "List"),
            ("plural", resource.Plural),
            ("singular", resource.Kind.ToLowerInvariant()));
        if (type.GetCustomAttribute<ShortNamesAttribute>() is { } shortNames)
        {
            names["shortNames"] = shortNames.Names.ToList();
        }

        if (type.GetCustomAttribute<CategoriesAttribute>() is { } categories)
        {
            names["categories"] = categories.Categories.ToList();
        }

        var version = Map(
            ("name", resource.Version),
            ("served", true),
            ("storage", true),
            ("subresources", Map(("status", Map()))),
            ("schema", Map(("openAPIV3Schema", schemas.ForKind(type)))));
        var columns = type.GetCustomAttributes<PrinterColumnAttribute>().Select(PrinterColumn).ToList();
        if (columns.Count > 0)
        {
            version["additionalPrinterColumns"] = columns;
        }

        return Map(
            ("apiVersion", "apiextensions.k8s.io/v1"),
            ("kind", "CustomResourceDefinition"),
            ("metadata", Map(
                ("name", $"{resource.Plural}.{resource.Group}"),
                ("labels", Map(("app.kubernetes.io/name", "certoperator"))))),
            ("spec", Map(
                ("group", resource.Group),
                ("names", names),
                ("scope", resource.Namespaced ? "Namespaced" : "Cluster"),
                ("versions", new List<object> { version }))));
    }

    private static SortedDictionary<string, object> PrinterColumn(PrinterColumnAttribute column)
    {
        var map = Map(("name", column.Name), ("type", column.Type), ("jsonPath", column.JsonPath));
        if (column.Priority != 0)
        {
            map["priority"] = column.Priority;
        }

        if (column.Description is not null)
        {
            map["description"] = column.Description;
        }

        return map;
    }

    private static SortedDictionary<string, object> Map(params (string Key, object Value)[] entries)
    {
        var map = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }
}
