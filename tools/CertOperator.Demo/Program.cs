using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using CertOperator.Demo;
using CertOperator.Testing;

// The one-command local demo: cert-manager YAML in, a Let's Encrypt-style certificate out.
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;
var workDir = System.IO.Directory.CreateTempSubdirectory("certoperator-demo-").FullName;
void Say(string line) => Console.WriteLine($"==> {line}");

await using var stack = await DemoStack.StartAsync(workDir, Say, ct);
Say($"kubeconfig for this demo: {stack.Kubeconfig}");

await stack.KubectlAsync(ct, "create", "secret", "generic", "rfc2136-tsig", "-n", DemoStack.ClusterResourceNamespace,
    $"--from-literal=tsig-secret-key={stack.Bind.Key.Secret}");
var values = new Dictionary<string, string>
{
    ["${ACME_SERVER}"] = stack.Pebble.Pebble.DirectoryUrl.ToString(),
    ["${ACME_CA_BUNDLE}"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(await File.ReadAllTextAsync(stack.Pebble.Pebble.Tls.CaPemPath, ct))),
    ["${RFC2136_NAMESERVER}"] = stack.Bind.Nameserver,
    ["${TSIG_KEY_NAME}"] = stack.Bind.Key.Name,
};
foreach (var example in System.IO.Directory.GetFiles(RepoPaths.Combine("examples"), "*.yaml").Order())
{
    var yaml = values.Aggregate(await File.ReadAllTextAsync(example, ct), (text, v) => text.Replace(v.Key, v.Value, StringComparison.Ordinal));
    var applied = Path.Combine(workDir, Path.GetFileName(example));
    await File.WriteAllTextAsync(applied, yaml, ct);
    Say($"kubectl apply -f examples/{Path.GetFileName(example)}");
    Console.Write(await stack.KubectlAsync(ct, "apply", "-f", applied));
}

var ready = await WaitForReadyAsync(stack, "demo", ct);
Console.WriteLine();
Say("kubectl get certificates,orders,challenges -o wide");
Console.WriteLine(await stack.KubectlAsync(ct, "get", "certificates,orders,challenges", "-o", "wide"));
if (!ready)
{
    Say("the certificate did not become Ready; operator log follows");
    Console.WriteLine(stack.Operator.Output);
    return 1;
}

PrintCertificate(JsonNode.Parse(await stack.KubectlAsync(ct, "get", "secret", "demo-tls", "-o", "json"))!);
Say("stopping everything the demo started");
return 0;

static async Task<bool> WaitForReadyAsync(DemoStack stack, string name, CancellationToken ct)
{
    var last = "";
    var deadline = DateTime.UtcNow.AddMinutes(2);
    while (DateTime.UtcNow < deadline)
    {
        var certificate = JsonNode.Parse(await stack.KubectlAsync(ct, "get", "certificate", name, "-o", "json"))!;
        var conditions = certificate["status"]?["conditions"]?.AsArray() ?? [];
        var ready = conditions.FirstOrDefault(c => c?["type"]?.GetValue<string>() == "Ready");
        var issuing = conditions.FirstOrDefault(c => c?["type"]?.GetValue<string>() == "Issuing");
        var challenges = (await stack.KubectlAsync(ct, "get", "challenges", "-o",
            "jsonpath={range .items[*]}{.spec.dnsName} {.spec.type} {.status.state} {.status.reason}{\"\\n\"}{end}")).Trim();
        var line = $"Ready={ready?["status"]} ({ready?["reason"]}) Issuing={issuing?["status"] ?? "-"}" + (challenges.Length > 0 ? $"\n    challenges:\n    {challenges.Replace("\n", "\n    ", StringComparison.Ordinal)}" : "");
        if (line != last)
        {
            Console.WriteLine($"  [{DateTime.Now:HH:mm:ss}] {line}");
            last = line;
        }

        if (ready?["status"]?.GetValue<string>() == "True")
        {
            return true;
        }

        await Task.Delay(500, ct);
    }

    return false;
}

static void PrintCertificate(JsonNode secret)
{
    var pem = Encoding.ASCII.GetString(Convert.FromBase64String(secret["data"]!["tls.crt"]!.GetValue<string>()));
    using var leaf = X509Certificate2.CreateFromPem(pem);
    var sans = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames());
    Console.WriteLine("==> the issued certificate (Secret default/demo-tls)");
    Console.WriteLine($"    subject:  {(leaf.Subject.Length > 0 ? leaf.Subject : "(empty, names are in the SANs)")}");
    Console.WriteLine($"    SANs:     {string.Join(", ", sans)}");
    Console.WriteLine($"    issuer:   {leaf.Issuer}");
    Console.WriteLine($"    expires:  {leaf.NotAfter.ToUniversalTime():u}");
}
