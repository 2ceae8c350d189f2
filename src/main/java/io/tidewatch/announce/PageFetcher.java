package io.tidewatch.announce;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one web page for {@code announce import} within limits a hostile or broken server cannot
 * stretch: one deadline for everything (connecting, every redirect, headers and the whole body, so a
 * server dripping a byte a second is cut off), a size limit enforced while the body streams in (never
 * buffered past it), and redirects only to the brand's domains or the host asked for. Unless allowed,
 * no request goes to a loopback, private, link-local or otherwise non-public address.
 */
final class PageFetcher {
    /** The page as received: the body's bytes, the URL it finally came from, its Content-Type (or null). */
    record Page(byte[] body, URI uri, String contentType) {}

    private final AnnouncementImporter.Limits limits;
    private final HttpClient http;

    PageFetcher(AnnouncementImporter.Limits limits) {
        this.limits = limits;
        this.http = HttpClient.newBuilder().connectTimeout(limits.deadline())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Page fetch(URI url) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limits.deadline().toNanos();
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            checkDestination(current);
            HttpRequest request = HttpRequest.newBuilder(current).timeout(remaining(deadline, url))
                    .header("Accept", "text/html,application/xhtml+xml").header("User-Agent", "tidewatch-announce-import")
                    .GET().build();
            BoundedBody[] body = new BoundedBody[1];
            CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, info -> {
                body[0] = new BoundedBody(limits.maxBytes(), info.headers().firstValueAsLong("Content-Length").orElse(-1));
                return body[0];
            });
            HttpResponse<byte[]> response = await(pending, body, deadline, url);
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                if (redirects >= limits.maxRedirects()) throw new IOException(url + ": more than " + limits.maxRedirects() + " redirects");
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new IOException(url + ": HTTP " + status + " without a Location"));
                URI next;
                try {
                    next = current.resolve(new URI(location.strip()));
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    throw new IOException(url + ": redirected to an invalid URL");
                }
                checkRedirect(url, next);
                current = next;
                continue;
            }
            if (status != 200) throw new IOException(url + ": HTTP " + status);
            return new Page(response.body(), response.uri(), response.headers().firstValue("Content-Type").orElse(null));
        }
    }

    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> pending, BoundedBody[] body, long deadline, URI url)
            throws IOException, InterruptedException {
        try {
            return pending.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abort(pending, body);
            throw new IOException(url + ": no complete answer within " + limits.deadline().toSeconds() + " s");
        } catch (InterruptedException e) {
            abort(pending, body);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) throw new IOException(url + ": the page is larger than " + limits.maxBytes() + " bytes");
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new IOException(url + ": no complete answer within " + limits.deadline().toSeconds() + " s");
            }
            if (cause instanceof IOException io) throw io;
            throw new IOException(url + ": " + cause, cause);
        }
    }

    /** Stops reading: cancelling the body's subscription closes the connection. */
    private static void abort(CompletableFuture<?> pending, BoundedBody[] body) {
        if (body[0] != null) body[0].cancel();
        pending.cancel(true);
    }

    private static Duration remaining(long deadline, URI url) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new IOException(url + ": no complete answer within the deadline");
        return Duration.ofNanos(left);
    }

    /** A redirect may stay on the host asked for or go to one of the brand's domains; nowhere else. */
    private void checkRedirect(URI from, URI to) throws IOException {
        String host = to.getHost() == null ? "" : to.getHost().toLowerCase(Locale.ROOT);
        boolean sameHost = host.equalsIgnoreCase(from.getHost() == null ? "" : from.getHost());
        boolean brand = limits.brandDomains().stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
        if (!sameHost && !brand) {
            throw new IOException(from + ": redirected to " + (host.isEmpty() ? "a URL without a host" : host)
                    + ", which is neither this host nor one of the brand's domains " + limits.brandDomains());
        }
    }

    private void checkDestination(URI url) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(url + ": only http and https pages can be imported");
        }
        if (url.getHost() == null) throw new IllegalArgumentException(url + ": no host name");
        if (limits.allowPrivateAddresses()) return;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            throw new IOException(url.getHost() + ": unknown host");
        }
        for (InetAddress a : addresses) {
            if (!PublicAddresses.isPublic(a)) {
                throw new IOException(url.getHost() + " is a loopback, private or link-local address (" + a.getHostAddress()
                        + "); pages are only imported from the public internet");
            }
        }
    }

    /** The size limit was passed: reading stopped there. */
    static final class TooLarge extends IOException {
        TooLarge() { super("response body over the size limit"); }
    }

    /** Collects the body up to {@code max} bytes; one byte more cancels the subscription and fails. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final long declared;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private volatile Flow.Subscription subscription;

        BoundedBody(long max, long declared) {
            this.max = max;
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() { return result; }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > max) {
                fail(new TooLarge());
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) return;
            for (ByteBuffer b : items) {
                if (buffer.size() + (long) b.remaining() > max) {
                    fail(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                buffer.write(chunk, 0, chunk.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) { result.completeExceptionally(t); }

        @Override
        public void onComplete() { result.complete(buffer.toByteArray()); }

        void cancel() { fail(new IOException("cancelled")); }

        private void fail(IOException e) {
            Flow.Subscription s = subscription;
            if (s != null) s.cancel();
            result.completeExceptionally(e);
        }
    }
}
