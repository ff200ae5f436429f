using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Civitas.Notifications.Tests;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's aiosmtpd, run by <c>smtp/smtp_server.py</c>, saving each message it
/// accepts as an .eml file. Tests read what arrived with <see cref="WaitForMessagesAsync"/>.
/// </summary>
public sealed class SmtpServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SmtpServerProcess(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public static async Task<SmtpServerProcess> StartAsync(int? port = null, string? auth = null)
    {
        var chosen = port ?? FreePort();
        var directory = Path.Combine(Path.GetTempPath(), "civitas-smtp-" + Guid.NewGuid().ToString("N")[..12]);
        // Debian's python3-aiosmtpd lives with the system interpreter; a python3 earlier on PATH (pyenv, venv) may lack it.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "smtp", "smtp_server.py"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(chosen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--dir");
        start.ArgumentList.Add(directory);
        if (auth is not null)
        {
            start.ArgumentList.Add("--auth");
            start.ArgumentList.Add(auth);
        }

        var process = Process.Start(start)!;
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready != "READY")
        {
            var error = await process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException("The aiosmtpd test server did not start (is python3-aiosmtpd installed?): " + error);
        }

        return new SmtpServerProcess(process, chosen, directory);
    }

    /// <summary>A port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The messages that arrived for <paramref name="recipient"/>, waiting until at least <paramref name="count"/> did.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(string recipient, int count = 1)
    {
        for (var poll = 0; poll < 300; poll++)
        {
            var found = ReadAll().Where(m => m.To.Mailboxes.Concat(m.Cc.Mailboxes).Any(b => b.Address == recipient)).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Fewer than {count} message(s) for {recipient} reached the SMTP server.");
    }

    public IReadOnlyList<MimeMessage> ReadAll() =>
        System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.GetFiles(Directory, "*.eml").Select(file => MimeMessage.Load(file))]
            : [];

    public async ValueTask DisposeAsync()
    {
        // Closing stdin asks the script to stop its controller; kill only if it does not.
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
