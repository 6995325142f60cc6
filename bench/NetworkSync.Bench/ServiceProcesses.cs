using System.Net;
using System.Net.Sockets;

namespace NetworkSync.Bench;

/// <summary>What the benchmarks that run `networksync serve` as a process share.</summary>
internal static class ServiceProcesses
{
    public static async Task WaitHealthyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the service did not report healthy within 3 minutes");
    }

    /// <summary>Until the service answers HTTP at all (/healthz 503 while its first sync runs counts).</summary>
    public static async Task WaitRespondingAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync("/healthz");
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the service did not answer within 3 minutes");
    }

    /// <summary>The nearest-rank percentile of ascending <paramref name="sorted"/>.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
