using System.Globalization;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Model;
using CertOperator.TestApiServer.Schema;

namespace CertOperator.TestApiServer.Api;

/// <summary>Per-kind defaults and checks for built-ins (and CRD status), standing in for their registry strategies.</summary>
internal static class BuiltInKindRules
{
    private static readonly string[] TlsKeys = ["tls.crt", "tls.key"];
    private static int s_clusterIp;

    public static void Apply(ServerContext ctx, ResourceType type, JsonObject obj, JsonObject? old)
    {
        switch (type.Group, type.Kind)
        {
            case ("", "Secret"):
                SecretRules(type, obj, old);
                break;
            case ("", "Namespace"):
                obj["status"] = old?["status"]?.DeepClone() ?? new JsonObject { ["phase"] = "Active" };
                break;
            case ("", "Service"):
                var spec = obj["spec"] as JsonObject ?? [];
                obj["spec"] = spec;
                spec["type"] ??= "ClusterIP";
                spec["clusterIP"] ??= old?["spec"]?["clusterIP"]?.DeepClone() ?? NextClusterIp();
                break;
            case ("", "Pod") when old is null:
                obj["status"] ??= new JsonObject { ["phase"] = "Pending" };
                break;
            case ("networking.k8s.io", "Ingress"):
                IngressRules.Validate(type, obj);
                break;
            case ("", "Event"):
                obj["eventTime"] ??= null;
                obj["reportingComponent"] ??= "";
                obj["reportingInstance"] ??= "";
                break;
            case ("apiregistration.k8s.io", "APIService"):
                ApiServiceRules(type, obj);
                break;
            case ("admissionregistration.k8s.io", _):
                TestApiServer.Admission.WebhookConfigurationRules.Apply(type, obj);
                break;
            case ("apiextensions.k8s.io", "CustomResourceDefinition"):
                var causes = CrdReader.Validate(obj);
                if (causes.Count > 0)
                {
                    throw ApiException.Invalid(type, JsonNodes.Name(obj), causes);
                }

                obj["status"] = CrdReader.Status(obj, JsonNodes.Str(old, "metadata", "creationTimestamp") ?? ctx.Now());
                break;
        }
    }

    /// <summary>kube-aggregator's validation that CA injectors trip over: a caBundle and insecureSkipTLSVerify exclude each other.</summary>
    private static void ApiServiceRules(ResourceType type, JsonObject obj)
    {
        var insecure = obj["spec"]?["insecureSkipTLSVerify"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        if (insecure && !string.IsNullOrEmpty(JsonNodes.Str(obj, "spec", "caBundle")))
        {
            throw ApiException.Invalid(type, JsonNodes.Name(obj),
                [ValidationCause.Invalid("spec.insecureSkipTLSVerify", JsonValue.Create(true), "may not be true if caBundle is present")]);
        }
    }

    /// <summary>Secret defaults and the validation a real server does that secret writers trip over.</summary>
    private static void SecretRules(ResourceType type, JsonObject obj, JsonObject? old)
    {
        if (string.IsNullOrEmpty(JsonNodes.Str(obj, "type")))
        {
            obj["type"] = "Opaque";
        }

        if (obj["stringData"] is JsonObject stringData)
        {
            var data = obj["data"] as JsonObject ?? [];
            obj["data"] = data;
            foreach (var (key, value) in JsonNodes.StringMap(stringData))
            {
                data[key] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value));
            }

            obj.Remove("stringData");
        }

        var causes = new List<ValidationCause>();
        var secretType = JsonNodes.Str(obj, "type");
        if (secretType == "kubernetes.io/tls")
        {
            causes.AddRange(TlsKeys
                .Where(k => obj["data"]?[k] is null)
                .Select(k => ValidationCause.Required($"data[{k}]")));
        }

        if (old is not null && JsonNodes.Str(old, "type") != secretType)
        {
            causes.Add(ValidationCause.Invalid("type", obj["type"], "field is immutable"));
        }

        if (old?["immutable"]?.GetValueKind() == System.Text.Json.JsonValueKind.True && !JsonNode.DeepEquals(old["data"], obj["data"]))
        {
            causes.Add(new ValidationCause("FieldValueForbidden", "Forbidden: field is immutable when `immutable` is set", "data"));
        }

        if (causes.Count > 0)
        {
            throw ApiException.Invalid(type, JsonNodes.Name(obj), causes);
        }
    }

    private static string NextClusterIp()
    {
        var n = Interlocked.Increment(ref s_clusterIp);
        return string.Create(CultureInfo.InvariantCulture, $"10.96.{n / 250 % 250}.{n % 250 + 1}");
    }
}
