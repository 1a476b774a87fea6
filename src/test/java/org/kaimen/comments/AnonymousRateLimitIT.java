package org.kaimen.comments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.comments.internal.Challenges;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Anonymous comments from one address are limited; another address is not affected. */
@IntegrationTest
class AnonymousRateLimitIT {

    @LocalServerPort
    int port;
    @Autowired
    DraftService drafts;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ObjectMapper json;

    @Test
    void anAddressPostingAnonymouslyTooOftenGets429WithRetryAfterWhileOthersGoOn() throws Exception {
        String drafter = accounts.create(Role.DRAFTER);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(drafter, null,
                AuthorityUtils.createAuthorityList("ROLE_DRAFTER")));
        long draftId;
        try {
            draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "匿名限流", true).id();
            drafts.updateMetadata(draftId, "匿名限流", null, null, true, true);
        } finally {
            SecurityContextHolder.clearContext();
        }
        InetAddress flood = InetAddress.getByName("127.0.0.5");
        for (int i = 0; i < 20; i++) {
            assertThat(post(flood, draftId, "第" + i + "条匿名意见").substring(9, 12)).isEqualTo("201");
        }
        String limited = post(flood, draftId, "第二十一条匿名意见");
        assertThat(limited.substring(9, 12)).isEqualTo("429");
        assertThat(limited).containsIgnoringCase("Retry-After:").contains("提交过于频繁");
        assertThat(post(InetAddress.getByName("127.0.0.6"), draftId, "另一个地址").substring(9, 12)).isEqualTo("201");
    }

    private String post(InetAddress from, long draftId, String text) throws IOException {
        JsonNode challenge = json.readTree(body(send(from, "GET /api/v1/drafts/" + draftId
                + "/comments/challenge HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")));
        String solved = Challenges.solve(challenge.path("challenge").asText(), challenge.path("bits").asInt());
        byte[] payload = json.writeValueAsBytes(java.util.Map.of("stance", "SUPPORT", "text", text));
        return send(from, "POST /api/v1/drafts/" + draftId + "/comments HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Type: application/json\r\nKaimen-Challenge: " + solved
                + "\r\nContent-Length: " + payload.length + "\r\n\r\n" + new String(payload, StandardCharsets.UTF_8));
    }

    private String send(InetAddress from, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String body(String response) {
        String b = response.substring(response.indexOf("\r\n\r\n") + 4);
        // Chunked transfer: the JSON object sits between the first '{' and the last '}'.
        return b.substring(b.indexOf('{'), b.lastIndexOf('}') + 1);
    }
}
