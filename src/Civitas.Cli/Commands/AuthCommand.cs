using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Civitas.Authentication.Client;

namespace Civitas.Cli.Commands;

/// <summary>
/// <c>civitas auth otp | otp-verify | demo | pin | kyc</c>: a relying party's calls to ID authentication over HTTP,
/// made with the client SDK from the <c>partner.json</c> that <c>civitas partner onboard</c> wrote and the partner's
/// private key. Prints the status, errors, authToken and, for kyc, the decrypted attributes; never the API key,
/// OTP or PIN. Exit codes: 0 authenticated, 1 refused (or an unsigned answer), 2 usage or configuration error.
/// </summary>
internal static class AuthCommand
{
    private const int Refused = 1;
    private const int UsageError = 2;

    public static Command Create()
    {
        var auth = new Command("auth", "Authenticate a resident as a relying party (ID authentication client).");
        auth.Subcommands.Add(Build("otp", "Ask for an OTP to be sent to the resident's phone and/or e-mail.", Factor.OtpRequest));
        auth.Subcommands.Add(Build("otp-verify", "Authenticate with an OTP received for --txn.", Factor.Otp));
        auth.Subcommands.Add(Build("demo", "Authenticate with demographic data (--name, --dob, --gender, --phone, --email).", Factor.Demo));
        auth.Subcommands.Add(Build("pin", "Authenticate with the resident's static PIN (--pin - reads it from standard input).", Factor.Pin));
        auth.Subcommands.Add(Build("kyc", "Authenticate with any factors and receive the --attributes the policy allows, decrypted.", Factor.Kyc));
        return auth;
    }

    private enum Factor
    {
        OtpRequest,
        Otp,
        Demo,
        Pin,
        Kyc,
    }

    /// <summary>The options every auth command knows. Values are optional in the parser so a usage error is ours to report (exit 2).</summary>
    private sealed class Options
    {
        public Option<string?> Partner { get; } = Text("--partner", "partner.json written by `civitas partner onboard`.");
        public Option<string?> Key { get; } = Text("--key", "The partner's private key (PEM).");
        public Option<string?> Uin { get; } = Text("--uin", "The resident's UIN.");
        public Option<string?> Vid { get; } = Text("--vid", "The resident's VID (instead of --uin).");
        public Option<string?> Transaction { get; } = Text("--txn", "10-digit transaction id (the OTP request's, for otp-verify).");
        public Option<string?> Channel { get; } = Text("--channel", "OTP channels, comma-separated: PHONE,EMAIL (default both).");
        public Option<string?> OtpValue { get; } = Text("--otp", "The OTP the resident received (- reads it from standard input).");
        public Option<string?> Pin { get; } = Text("--pin", "The static PIN (- reads it from standard input).");
        public Option<string?> Name { get; } = Text("--name", "Full name as registered.");
        public Option<string?> Language { get; } = Text("--lang", "Language of --name and --gender (default eng).");
        public Option<string?> Dob { get; } = Text("--dob", "Date of birth, yyyy/MM/dd.");
        public Option<string?> Gender { get; } = Text("--gender", "Gender as registered.");
        public Option<string?> Phone { get; } = Text("--phone", "Phone number as registered.");
        public Option<string?> Email { get; } = Text("--email", "E-mail address as registered.");
        public Option<string?> Attributes { get; } = Text("--attributes", "eKYC attributes, comma-separated (e.g. fullName,email).");

        private static Option<string?> Text(string name, string description) =>
            new(name) { Description = description, Arity = ArgumentArity.ZeroOrOne };
    }

    private static Command Build(string name, string description, Factor factor)
    {
        var options = new Options();
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        var list = new List<Option> { options.Partner, options.Key, options.Uin, options.Vid, options.Transaction };
        list.AddRange(factor switch
        {
            Factor.OtpRequest => [options.Channel],
            Factor.Otp => [options.OtpValue],
            Factor.Pin => [options.Pin],
            Factor.Demo => [options.Name, options.Language, options.Dob, options.Gender, options.Phone, options.Email],
            _ => [options.Attributes, options.OtpValue, options.Pin, options.Name, options.Language, options.Dob, options.Gender, options.Phone, options.Email],
        });
        foreach (var option in list)
        {
            command.Options.Add(option);
        }

        command.SetAction((result, token) => RunAsync(result, options, factor, token));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, Options options, Factor factor, CancellationToken cancellationToken)
    {
        try
        {
            if (result.UnmatchedTokens.Count > 0)
            {
                throw new UsageException($"unknown argument {result.UnmatchedTokens[0]}");
            }

            var partner = Required(result, options.Partner);
            var key = Required(result, options.Key);
            var (individualId, idType) = Individual(result, options);
            var profile = IdaPartnerProfile.Load(partner, key);
            WarnIfOthersCanRead(partner);
            WarnIfOthersCanRead(key);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var client = new IdaClient(http, profile);
            var transactionId = result.GetValue(options.Transaction);
            if (transactionId is not null && !IsTransactionId(transactionId))
            {
                throw new UsageException("--txn must be 10 digits");
            }

            if (factor == Factor.OtpRequest)
            {
                var channels = (result.GetValue(options.Channel) ?? "PHONE,EMAIL").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(c => c.ToUpperInvariant()).ToList();
                if (channels.Count == 0 || channels.Any(c => c is not ("PHONE" or "EMAIL")))
                {
                    throw new UsageException("--channel takes PHONE, EMAIL or PHONE,EMAIL");
                }

                var otp = await client.RequestOtpAsync(individualId, idType, channels, transactionId, cancellationToken);
                return Report(otp, otp.Response is { } sent ? [("maskedMobile", sent.MaskedMobile), ("maskedEmail", sent.MaskedEmail)] : [], true);
            }

            var request = BuildRequest(result, options, factor, individualId, idType, transactionId);
            if (factor == Factor.Kyc)
            {
                var attributes = List(Required(result, options.Attributes));
                var kyc = await client.KycAsync(request, attributes, cancellationToken);
                var code = Report(kyc, [("kycStatus", Flag(kyc.Response?.KycStatus)), ("authToken", kyc.Response?.AuthToken)], kyc.Response?.KycStatus == true);
                if (kyc.Response?.Identity is { } identity)
                {
                    Console.Out.WriteLine(identity.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                }

                return code;
            }

            var answer = await client.AuthenticateAsync(request, cancellationToken);
            return Report(answer, [("authStatus", Flag(answer.Response?.AuthStatus)), ("authToken", answer.Response?.AuthToken)], answer.Response?.AuthStatus == true);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"civitas auth: {ex.Message}.");
            return UsageError;
        }
        catch (IdaConfigurationException ex)
        {
            await Console.Error.WriteLineAsync("civitas auth: " + ex.Message);
            return UsageError;
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException || ex.HttpRequestError == HttpRequestError.ConnectionError)
        {
            await Console.Error.WriteLineAsync("civitas auth: cannot reach the baseUrl of the partner file: " + ex.Message);
            return UsageError;
        }
    }

    private static IdaAuthRequest BuildRequest(ParseResult result, Options options, Factor factor, string individualId, string idType, string? transactionId)
    {
        var otp = Secret(result.GetValue(options.OtpValue), "--otp");
        var pin = Secret(result.GetValue(options.Pin), "--pin");
        var demographics = Demographics(result, options);
        switch (factor)
        {
            case Factor.Otp when otp is null || transactionId is null:
                throw new UsageException("otp-verify needs --otp and the --txn of the OTP request");
            case Factor.Pin when pin is null:
                throw new UsageException("pin needs --pin");
            case Factor.Demo when demographics is null:
                throw new UsageException("demo needs at least one of --name, --dob, --gender, --phone, --email");
            case Factor.Kyc when otp is null && pin is null && demographics is null:
                throw new UsageException("kyc needs a factor: --otp with --txn, --pin, or demographic options");
            case Factor.Kyc when otp is not null && transactionId is null:
                throw new UsageException("--otp needs the --txn of the OTP request");
        }

        return new IdaAuthRequest
        {
            IndividualId = individualId,
            IndividualIdType = idType,
            TransactionId = transactionId,
            Otp = otp,
            StaticPin = pin,
            Demographics = demographics,
        };
    }

    /// <summary>The MOSIP demographics shape: multilingual <c>name</c>/<c>gender</c>, <c>dob</c> as yyyy/MM/dd, <c>phoneNumber</c>, <c>emailId</c>.</summary>
    private static JsonObject? Demographics(ParseResult result, Options options)
    {
        var language = result.GetValue(options.Language) ?? "eng";
        var demographics = new JsonObject();
        if (result.GetValue(options.Name) is { Length: > 0 } name)
        {
            demographics["name"] = Multilingual(language, name);
        }

        if (result.GetValue(options.Dob) is { } dob)
        {
            if (!DateOnly.TryParseExact(dob, "yyyy/MM/dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw new UsageException("--dob must be yyyy/MM/dd");
            }

            demographics["dob"] = dob;
        }

        if (result.GetValue(options.Gender) is { Length: > 0 } gender)
        {
            demographics["gender"] = Multilingual(language, gender);
        }

        if (result.GetValue(options.Phone) is { Length: > 0 } phone)
        {
            demographics["phoneNumber"] = phone;
        }

        if (result.GetValue(options.Email) is { Length: > 0 } email)
        {
            demographics["emailId"] = email;
        }

        return demographics.Count == 0 ? null : demographics;
    }

    private static JsonArray Multilingual(string language, string value) =>
        [new JsonObject { ["language"] = language, ["value"] = value }];

    private static int Report<T>(IdaResult<T> answer, IReadOnlyList<(string Name, string? Value)> fields, bool positive)
        where T : class
    {
        Console.Out.WriteLine($"HTTP {answer.HttpStatus}");
        Console.Out.WriteLine($"transactionID {answer.TransactionId}");
        foreach (var (name, value) in fields.Where(f => f.Value is not null))
        {
            Console.Out.WriteLine($"{name} {value}");
        }

        Console.Out.WriteLine(answer.ResponseSignatureValid
            ? $"response-signature valid ({answer.ResponseSigner?.Subject})"
            : "response-signature MISSING OR INVALID");
        foreach (var error in answer.Errors)
        {
            Console.Error.WriteLine($"{error.ErrorCode} {error.ErrorMessage}");
        }

        return answer.Succeeded && positive ? 0 : Refused;
    }

    private static (string Id, string Type) Individual(ParseResult result, Options options)
    {
        var uin = result.GetValue(options.Uin);
        var vid = result.GetValue(options.Vid);
        return (uin, vid) switch
        {
            ({ Length: > 0 }, null) => (uin, "UIN"),
            (null, { Length: > 0 }) => (vid, "VID"),
            _ => throw new UsageException("give exactly one of --uin and --vid"),
        };
    }

    /// <summary>A secret from the command line, or from standard input when given as <c>-</c> (keeps it out of the process list).</summary>
    private static string? Secret(string? value, string option)
    {
        if (value != "-")
        {
            return value;
        }

        var line = Console.In.ReadLine()?.Trim();
        return string.IsNullOrEmpty(line) ? throw new UsageException($"{option} - read nothing from standard input") : line;
    }

    /// <summary>partner.json holds the API key and the key file the private key: both should be owner-only.</summary>
    private static void WarnIfOthersCanRead(string path)
    {
        const UnixFileMode shared = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & shared) != 0)
        {
            Console.Error.WriteLine($"civitas auth: warning: {path} can be read by other users; chmod 600 it.");
        }
    }

    private static string Required(ParseResult result, Option<string?> option) =>
        result.GetValue(option) is { Length: > 0 } value ? value : throw new UsageException($"{option.Name} is required");

    private static List<string> List(string value) =>
        [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static bool IsTransactionId(string value) => value.Length == 10 && value.All(char.IsAsciiDigit);

    private static string? Flag(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    private sealed class UsageException(string message) : Exception(message);
}
