using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ErrorSdk.Http.Tests.Infrastructure
{
    /// <summary>A throwaway self-signed server certificate for 127.0.0.1 that no client trusts.</summary>
    public static class SelfSignedCertificate
    {
        public static X509Certificate2 Create()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        }
    }
}
