using ErrorSdk.Safety;
using Xunit;

namespace ErrorSdk.Tests
{
    public class SafetyTests
    {
        [Theory]
        [InlineData("GET https://u:p4ss@api.example.com/x?token=s3cr3t failed", "s3cr3t", "p4ss")]
        [InlineData("Authorization: Bearer abc.def.ghi", "abc.def.ghi", null)]
        [InlineData("header cookie=sessionid=zzz123", "zzz123", null)]
        [InlineData("{\"api_key\": \"k-12345\", \"ok\": 1}", "k-12345", null)]
        [InlineData("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN\n-----END PRIVATE KEY-----", "MIIEvQIBADAN", null)]
        [InlineData("ftp://admin:hunter2@[bad host/path?x=1", "hunter2", null)]
        public void Secrets_do_not_survive_sanitizing(string text, string secret, string? other)
        {
            var clean = TextSanitizer.Sanitize(text);
            Assert.DoesNotContain(secret, clean, System.StringComparison.Ordinal);
            if (other is not null)
            {
                Assert.DoesNotContain(other, clean, System.StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Harmless_text_stays()
        {
            Assert.Equal("Connection refused (api.example.com:443)", TextSanitizer.Sanitize("Connection refused (api.example.com:443)"));
            Assert.Equal("see https://api.example.com/v1/items.", TextSanitizer.Sanitize("see https://api.example.com/v1/items?x=1."));
        }
    }
}
