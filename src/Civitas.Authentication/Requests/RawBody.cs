using Civitas.Common;
using Microsoft.Extensions.Options;

namespace Civitas.Authentication.Requests;

/// <summary>
/// Reads the request body as bytes, exactly as sent: the partner's signature covers these bytes, so nothing may
/// parse or re-serialise them first. Bodies over <c>Civitas:MaxRequestBodyBytes</c> are refused (null).
/// </summary>
internal static class RawBody
{
    public static async Task<byte[]?> ReadAsync(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<CivitasOptions>>().Value.MaxRequestBodyBytes;
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            return null;
        }
        var capacity = (int)Math.Min(request.ContentLength ?? 4096, limit);
        using var buffer = new MemoryStream(capacity);
        try
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    // Kestrel's own limit is the same; this covers a chunked body on a server that lifted it.
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }
}
