package dev.kefu.channel.http;

import dev.kefu.dialog.conversation.StaleTurnException;
import dev.kefu.handoff.TicketStatus;
import dev.kefu.handoff.UnknownTicketException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exceptions and error statuses as JSON {@code {"error": …}}: kefu's own (4xx, 503 for storage),
 * the client-caused ones ({@link ClientFaults}: 4xx with one log line), anything else 500 with its
 * stack trace in the log; a 405 says which methods the path has ({@code Allow}).
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private ErrorMapping() {
    }

    static void install(Javalin app, RouteTable table) {
        app.exception(ApiException.class, (e, ctx) -> {
            if (e.code() == null) {
                error(ctx, e.status(), e.getMessage());
            } else {
                ctx.status(e.status()).json(Map.of("error", e.getMessage(), "code", e.code()));
            }
        });
        app.exception(dev.kefu.auth.AccountException.class, (e, ctx) -> ctx.status(400)
                .json(Map.of("error", e.getMessage(), "field", e.field())));
        app.exception(dev.kefu.studio.KbException.class, StudioViews::refusal);
        app.exception(TicketStatus.IllegalMove.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
        app.exception(UnknownTicketException.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        // Other instances kept answering messages of this conversation while this one tried: the
        // request is fine and the service is up (a 503 would count against the instance), so 409,
        // and the message can simply be sent again.
        app.exception(StaleTurnException.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");
            error(ctx, 409, "other messages of this conversation are being answered at this moment; send it again");
        });
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        app.exception(dev.kefu.store.StoreException.class, (e, ctx) -> {
            LOG.error("storage failed on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            error(ctx, 503, "storage is unavailable; please retry");
        });
        app.exception(Exception.class, (e, ctx) -> {
            ClientFaults.Fault fault = ClientFaults.of(e);
            if (fault != null) {
                LOG.info("client error {} on {} {} from {}: {}", fault.status(), ctx.method(), AccessLog.route(ctx), ctx.ip(),
                        fault.message());
                error(ctx, fault.status(), fault.message());
                return;
            }
            LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || !ctx.res().getContentType().startsWith("application/json")) {
                error(ctx, 404, "no route " + ctx.method() + " " + ctx.path());
            }
        });
        app.error(405, ctx -> {
            table.setAllow(ctx);
            error(ctx, 405, "method " + ctx.method() + " not allowed on " + ctx.path());
        });
    }

    static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }
}
