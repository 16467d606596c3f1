using System.Collections.Generic;

namespace ErrorSdk.Tests.Hardening
{
    /// <summary>A secret shape: text as it shows up in an exception message or a body, and the secrets it holds.</summary>
    public sealed record SecretShape(string Name, string Text, params string[] Secrets)
    {
        public override string ToString() => Name;
    }

    /// <summary>The secrets corpus of issue 7: every shape must be absent from every outward text.</summary>
    public static class SecretCorpus
    {
        public static readonly IReadOnlyList<SecretShape> Shapes = new[]
        {
            new SecretShape("query-token", "GET https://api.example.com/v1/items?access_token=qt-SECRET-7f3a9&page=2 failed with 500", "qt-SECRET-7f3a9"),
            new SecretShape("presigned-url", "PUT https://bucket.s3.amazonaws.com/k.txt?X-Amz-Credential=AKIDSECRET%2F2024&X-Amz-Signature=sigSECRETabc123 returned 403", "sigSECRETabc123", "AKIDSECRET"),
            new SecretShape("fragment-token", "redirected to https://app.example.com/cb#access_token=frag-SECRET-55&state=x", "frag-SECRET-55"),
            new SecretShape("userinfo", "connect https://admin:Pa55-SECRET-word@db.example.com:8443/x failed", "Pa55-SECRET-word"),
            new SecretShape("database-uri", "Npgsql: failed to connect to postgres://app:pg-SECRET-42@10.0.0.5:5432/orders", "pg-SECRET-42"),
            new SecretShape("redis-uri", "redis://:redis-SECRET-pw@cache:6379/0 timed out", "redis-SECRET-pw"),
            new SecretShape("userinfo-without-scheme", "Login failed for admin:bare-SECRET-pw@db.internal:1433", "bare-SECRET-pw"),
            new SecretShape("authorization-bearer", "Request headers:\r\nAuthorization: Bearer bearer-SECRET-token-123\r\nAccept: */*", "bearer-SECRET-token-123"),
            new SecretShape("proxy-authorization", "407 from proxy; sent Proxy-Authorization: Basic YWRtaW46cHJveHktU0VDUkVU", "YWRtaW46cHJveHktU0VDUkVU"),
            new SecretShape("cookie", "Cookie: session=cookie-SECRET-8f14e45f; theme=dark", "cookie-SECRET-8f14e45f"),
            new SecretShape("set-cookie", "upstream replied Set-Cookie: __Host-sid=setcookie-SECRET-Q2hh; Path=/; Secure; HttpOnly", "setcookie-SECRET-Q2hh"),
            new SecretShape("api-key-header", "401: x-api-key: apikey-SECRET-0123456789abcdef was rejected", "apikey-SECRET-0123456789abcdef"),
            new SecretShape("json-api-key", "Response body: {\"api_key\": \"json-SECRET-sk-12345\", \"ok\": false}", "json-SECRET-sk-12345"),
            new SecretShape("json-password-escaped", "{\"user\":\"bob\",\"password\":\"pw-SECRET-\\\"quoted\\\"-x\"}", "pw-SECRET-"),
            new SecretShape("json-client-secret-nested", "{\"oauth\":{\"client_id\":\"abc\",\"client_secret\":\"cs-SECRET-9a8b7c\"}}", "cs-SECRET-9a8b7c"),
            new SecretShape("json-authorization-member", "{\"headers\":{\"Authorization\":\"Token jsonauth-SECRET-77\"}}", "jsonauth-SECRET-77"),
            new SecretShape("aws-access-key-id", "The AWS Access Key Id AKIAIOSFODNN7SECRET1 does not exist", "AKIAIOSFODNN7SECRET1"),
            new SecretShape("aws-secret-access-key", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY"),
            new SecretShape("github-token", "remote: Invalid username or token ghp_SECRETabcdefghijklmnopqrstuvwxyz0123", "ghp_SECRETabcdefghijklmnopqrstuvwxyz0123"),
            new SecretShape("github-fine-grained-token", "auth with github_pat_11SECRET0abcdefghijklmnop_qrstuvwxyz0123456789 failed", "github_pat_11SECRET0abcdefghijklmnop_qrstuvwxyz0123456789"),
            new SecretShape("gitlab-token", "GitLab said 401 for glpat-SECRETxxxxxxxxxxxxxxxx", "glpat-SECRETxxxxxxxxxxxxxxxx"),
            new SecretShape("slack-bot-token", "slack api error invalid_auth for xoxb-123456789012-SECRET-AbCdEfGhIjKlMn", "xoxb-123456789012-SECRET-AbCdEfGhIjKlMn"),
            new SecretShape("slack-webhook", "POST https://hooks.slack.com/services/T00000000/B00000000/SLACKSECRETxxxxxxxxxxxx returned 404", "SLACKSECRETxxxxxxxxxxxx"),
            new SecretShape("jwt", "token rejected: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJTRUNSRVQifQ.jwtSECRETsignature_abc", "eyJzdWIiOiJTRUNSRVQifQ", "jwtSECRETsignature_abc"),
            new SecretShape("stripe-key", "Stripe: Invalid API Key provided: sk_live_SECRET0123456789abcd", "sk_live_SECRET0123456789abcd"),
            new SecretShape("google-api-key", "key AIzaSyA-SECRET-0123456789abcdefghijklmn rejected", "AIzaSyA-SECRET-0123456789abcdefghijklmn"),
            new SecretShape("npm-token", "npm ERR! 403 for npm_SECRET0123456789abcdefghijklmnopqrstu", "npm_SECRET0123456789abcdefghijklmnopqrstu"),
            new SecretShape("pem-rsa-key-in-tls-error", "The SSL connection could not be established: unable to use key -----BEGIN RSA PRIVATE KEY-----\nMIIEpSECRETAAKCAQEA\nq0jSECRETline2==\n-----END RSA PRIVATE KEY-----", "MIIEpSECRETAAKCAQEA", "q0jSECRETline2"),
            new SecretShape("pem-key-unterminated", "TLS: bad key material -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1SECRETrZXktdjE", "b3BlbnNzaC1SECRETrZXktdjE"),
            new SecretShape("pem-key-in-json", "{\"type\":\"service_account\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvgSECRETjsonkey\\n-----END PRIVATE KEY-----\\n\"}", "MIIEvgSECRETjsonkey"),
            new SecretShape("connection-string-password", "Server=db;Database=app;User Id=sa;Password=connstr-SECRET!2024;", "connstr-SECRET!2024"),
            new SecretShape("connection-string-quoted-password", "Host=db;Username=app;Password='quoted SECRET pw';Timeout=5", "quoted SECRET pw"),
            new SecretShape("azure-storage-key", "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=azSECRETkey0123456789+/==;EndpointSuffix=core.windows.net", "azSECRETkey0123456789+/=="),
            new SecretShape("form-refresh-token", "POST /oauth/token body grant_type=refresh_token&refresh_token=rt-SECRET-1//0g&client_id=x", "rt-SECRET-1//0g"),
            new SecretShape("yaml-password", "config error at line 3: password: yaml-SECRET-pw", "yaml-SECRET-pw"),
            new SecretShape("xml-password", "<Credentials><User>bob</User><Password>xml-SECRET-pw</Password></Credentials>", "xml-SECRET-pw"),
            new SecretShape("basic-credentials", "auth failed (Basic dXNlcjpiYXNpYy1TRUNSRVQ=)", "dXNlcjpiYXNpYy1TRUNSRVQ="),
            new SecretShape("secret-at-the-limit", new string('.', 8180) + " password=limit-SECRET-pw", "limit-SECRET-pw", "limit-SE"),
        };
    }
}
