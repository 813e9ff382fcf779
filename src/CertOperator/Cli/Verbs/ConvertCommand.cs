using System.CommandLine;
using YamlDotNet.Core;

namespace CertOperator.Cli.Verbs;

/// <summary>`convert -f FILE [-o OUT]`: cert-manager v0.x manifests to cert-manager.io/v1; needs no cluster.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--filename", "-f") { Description = "Legacy certmanager.k8s.io/v1alpha1 YAML (multi-document)", Required = true };
        var output = new Option<FileInfo?>("--output-file", "-o") { Description = "Write the converted YAML here instead of stdout" };
        var command = new Command("convert", "Convert certmanager.k8s.io/v1alpha1 Issuers, ClusterIssuers and Certificates to cert-manager.io/v1") { file, output };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var converted = LegacyConverter.Convert(await File.ReadAllTextAsync(parse.GetValue(file)!.FullName, ct));
                if (parse.GetValue(output) is { } target)
                {
                    await File.WriteAllTextAsync(target.FullName, converted, ct);
                }
                else
                {
                    await Console.Out.WriteAsync(converted);
                }

                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlException or LegacyConversionException or FormatException)
            {
                await Console.Error.WriteLineAsync($"convert: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
