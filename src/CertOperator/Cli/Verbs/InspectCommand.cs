using System.CommandLine;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Cli.Verbs;

/// <summary>`inspect secret NAME`: the certificate in a TLS Secret, as a person wants to read it.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var name = new Argument<string>("name") { Description = "Name of the Secret" };
        var secret = new Command("secret", "Show subject, SANs, issuer, validity, key, chain and key match of a TLS Secret") { name };
        cluster.AddTo(secret);
        secret.SetAction(cluster.Action("inspect secret", async (context, ct) =>
        {
            var found = await context.Kube.TryGetAsync<Secret>(context.Namespace, context.Parse.GetValue(name)!, ct)
                ?? throw new VerbException($"Secret {context.Namespace}/{context.Parse.GetValue(name)} does not exist");
            foreach (var line in SecretReport.Describe(found, DateTimeOffset.UtcNow))
            {
                await context.Out.WriteLineAsync(line);
            }

            return 0;
        }));
        return new Command("inspect", "Inspect cert-manager related objects") { secret };
    }
}
