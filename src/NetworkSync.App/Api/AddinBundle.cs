using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;

namespace NetworkSync.App.Api;

/// <summary>
/// The built add-in and dashboard (addin/dist). Its HTML pages get this instance's meta tags (the local
/// key, or the Entra settings) where the page marks the spot; its manifests get this instance's base URL.
/// </summary>
public sealed partial class AddinBundle(string distFolder, IReadOnlyDictionary<string, string> metaTags)
{
    /// <summary>The base URL the manifests are written with, replaced by the serving instance's own.</summary>
    public const string ManifestPlaceholder = "https://localhost:5180";

    private readonly ConcurrentDictionary<string, (DateTime Written, string Html)> pages = new(StringComparer.Ordinal);

    public string DistFolder { get; } = distFolder;

    public bool IsBuilt => File.Exists(Path.Combine(DistFolder, "taskpane.html")) && File.Exists(Path.Combine(DistFolder, "index.html"));

    /// <summary>The page with the meta tags in place, or null when there is no such page.</summary>
    public string? Page(string name)
    {
        if (!SafeName().IsMatch(name))
        {
            return null;
        }

        var path = Path.Combine(DistFolder, name);
        if (!File.Exists(path))
        {
            return null;
        }

        // Re-read after a rebuild (npm run build --watch while the service runs).
        var written = File.GetLastWriteTimeUtc(path);
        if (pages.TryGetValue(name, out var cached) && cached.Written == written)
        {
            return cached.Html;
        }

        var html = MetaSlot().Replace(File.ReadAllText(path), _ => Meta(), 1);
        pages[name] = (written, html);
        return html;
    }

    /// <summary>A manifest with <see cref="ManifestPlaceholder"/> replaced by <paramref name="baseUrl"/>.</summary>
    public string? Manifest(string name, string baseUrl)
    {
        var path = Path.Combine(DistFolder, name);
        return name is "manifest.xml" or "manifest.json" && File.Exists(path)
            ? File.ReadAllText(path).Replace(ManifestPlaceholder, baseUrl, StringComparison.Ordinal)
            : null;
    }

    private string Meta() =>
        string.Concat(metaTags.Select(tag => $"<meta name=\"{WebUtility.HtmlEncode(tag.Key)}\" content=\"{WebUtility.HtmlEncode(tag.Value)}\" />"));

    [GeneratedRegex(@"<!--\s*networksync:meta[^>]*-->")]
    private static partial Regex MetaSlot();

    [GeneratedRegex(@"^[A-Za-z0-9-]+\.html$")]
    private static partial Regex SafeName();
}
