using System.Security.Cryptography;
using Civitas.Common.Hosting;

namespace Civitas.Kernel.Hosting;

/// <summary>A random secret kept in an owner-only file of the data directory, created on first use.</summary>
internal static class DataDirectorySecret
{
    public static string ReadOrCreate(string path, int randomBytes)
    {
        if (!File.Exists(path))
        {
            // Written to a temporary file and moved in without overwriting: two processes racing on one data
            // directory end up with the same secret.
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            SecretFile.WriteAllText(temporary, Convert.ToBase64String(RandomNumberGenerator.GetBytes(randomBytes)));
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        return File.ReadAllText(path).Trim();
    }
}
