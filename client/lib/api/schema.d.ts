// Generated from the API’s OpenAPI document by `npm run generate:api-client` (scripts/generate-api-client.ts).
// Do not edit: change the controllers and DTOs, then regenerate; a test fails while this file is stale.

export interface paths {
    "/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search tickers (autocomplete): your uploads, stored assets, sample tickers, Yahoo search */
        get: operations["MarketDataController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/{ticker}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Metadata of a ticker, the source serving it and the dates it has prices for */
        get: operations["MarketDataController_asset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/{ticker}/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daily prices over a range: JSON columns, CSV (?format=csv) or compact binary (?format=binary)
         * @description format=binary (application/octet-stream) is what the dashboard keeps in IndexedDB: day numbers and adjusted closes as typed arrays with the ticker, its source and kind, a few tens of KB for 33 years (layout in docs/market-data.md, "Binary prices"; codec src/engine/market/price-series.codec.ts). It carries a strong ETag (If-None-Match → 304 Not Modified) and Cache-Control: private when the request carries a token (the answer may be that user's upload), public otherwise; immutable for an explicit range that can no longer change, no-cache (revalidate) otherwise.
         */
        get: operations["MarketDataController_prices"];
        put?: never;
        /**
         * Upload your own daily prices for a ticker (a fund, a private index): a CSV as people have them
         * @description Body: the CSV itself with Content-Type text/csv (curl --data-binary @prices.csv -H "Content-Type: text/csv"). Read as it is: date,close[,adj_close], Yahoo's export (Date,Open,High,Low,Close,Adj Close,Volume: Open, High, Low and Volume are not used), semicolon- or tab-separated files (decimal commas too), a header in any case, quoted cells. Every line is checked (a date YYYY-MM-DD from 1600-01-01 to today, once; prices from 1e-9 to 1e12); one bad line rejects the whole file (400 UPLOAD_INVALID listing each bad line by number) and nothing is stored. Rows for dates already uploaded replace them. The series is yours only: it shadows the public ticker for you. A 5 MB file is read and stored without holding up the server's other requests.
         */
        post: operations["MarketDataController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/google/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Google redirects here (public): checks the state, signs the user in (creating or linking the account)
         * @description A browser is redirected to the dashboard (/app) with the refresh cookie set. A client that sends `Accept: application/json` gets the tokens as JSON instead (the cookie is set as well).
         */
        get: operations["GoogleAuthController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/google/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start a Google sign-in (public): redirects to Google with a browser-bound state and PKCE
         * @description Sets a short-lived signed httpOnly cookie (portofino_oauth_state, path /auth/google) that the callback checks.
         */
        get: operations["GoogleAuthController_login"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password (public, rate-limited) */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revoke the refresh token (body or cookie) and its whole sign-in; clears the cookie */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user (access token required) */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        /**
         * Delete your account and everything it holds: sessions, simulations, results, reports, uploads
         * @description Confirm with the password, or within 5 minutes of a sign-in (accounts that only use Google). Emits `account.deleted` on portofino.account.events.v1. Irreversible.
         */
        delete: operations["AccountController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The password rules registration enforces (public; the registration form states them) */
        get: operations["AuthController_passwordPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which sign-in methods this server offers (public; the dashboard shows its buttons by it) */
        get: operations["AuthController_providers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token (body or cookie) for a new access token and a new refresh token (rate-limited)
         * @description The presented refresh token is retired. Presenting a retired token again revokes every token of that sign-in (REFRESH_TOKEN_REUSED), including the newest.
         */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account with email and password and sign in (public, rate-limited) */
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/comparisons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your comparisons, newest first (without their series), a page at a time as GET /history */
        get: operations["ComparisonController_list"];
        put?: never;
        /**
         * Compare 2 to 10 portfolios side by side; follow it on the /comparisons socket
         * @description Give members (commands, optionally named) or simulationIds (your history entries). By default every member is simulated on the common period (the latest start and earliest end all can cover); period=own simulates each on its own. Each member’s own options apply to it. docs/comparisons.md
         */
        post: operations["ComparisonController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/comparisons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A comparison: status, and once completed each member’s metrics and series, the period, correlations, best */
        get: operations["ComparisonController_get"];
        put?: never;
        post?: never;
        /** Delete a comparison */
        delete: operations["ComparisonController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/comparisons/{id}/rerun": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a comparison again, as a new comparison with the same members and period */
        post: operations["ComparisonController_rerun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/comparisons/{id}/share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The comparison’s active share links (ids and token hints: tokens are not stored) */
        get: operations["ComparisonSharingController_list"];
        put?: never;
        /**
         * Create a read-only link to one of your completed comparisons
         * @description Anyone with the link sees the comparison (GET /shared/{token}, the page /app/shared/{token}) and can download its workbook, without signing in, until the link is revoked or the comparison deleted. The token is shown only in this answer: only its SHA-256 is stored. Emits `comparison.shared` on portofino.sharing.events.v1.
         */
        post: operations["ComparisonSharingController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/comparisons/{id}/share/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a comparison’s share link: it answers 404 from now on
         * @description Emits `comparison.share_revoked` on portofino.sharing.events.v1.
         */
        delete: operations["ComparisonSharingController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/comparisons/{id}/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workbook (.xlsx) of one of your completed comparisons
         * @description Summary (members side by side, the best of each metric marked), Daily (every member’s value, daily return and drawdown), Correlation and Charts (values and drawdowns overlaid, native Excel charts). docs/comparisons.md
         */
        get: operations["ComparisonReportController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: every dependency (database, queue, events) with its state; 503 if one is down */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your simulations, newest first: paginated, filterable by status, ticker and date */
        get: operations["HistoryController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/history/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One simulation: command, parsed form, status, metrics, daily series, trades, rolling metrics and drawdown episodes */
        get: operations["HistoryController_get"];
        put?: never;
        post?: never;
        /** Delete a simulation and its result */
        delete: operations["HistoryController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/history/{id}/analysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rolling metrics of one window and the drawdown episodes of a completed simulation, without its series */
        get: operations["HistoryController_analysis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/history/{id}/projections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Project a completed simulation forward (Monte Carlo); follow it on the /projections socket
         * @description Resamples the simulation’s own complete months (docs/projections.md). Every option has a default; the resolved inputs (the seed too) are stored, so the same inputs give the same outputs.
         */
        post: operations["ProjectionController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/history/{id}/rerun": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run one of your simulations again, as a new history entry */
        post: operations["SimulationController_rerun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/history/{id}/share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The simulation’s active share links (ids and token hints: tokens are not stored) */
        get: operations["SharingController_list"];
        put?: never;
        /**
         * Create a read-only link to one of your completed simulations
         * @description Anyone with the link sees the result (GET /shared/{token}, the page /app/shared/{token}) and can download its workbook, without signing in, until the link is revoked or the simulation deleted. The token is shown only in this answer: only its SHA-256 is stored. Emits `simulation.shared` on portofino.sharing.events.v1.
         */
        post: operations["SharingController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/history/{id}/share/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a share link: it answers 404 from now on
         * @description Emits `simulation.share_revoked` on portofino.sharing.events.v1.
         */
        delete: operations["SharingController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/history/{id}/tearsheet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A self-contained HTML tearsheet of a completed simulation (inline SVG charts; opens offline, prints to PDF) */
        get: operations["TearsheetController_tearsheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PublicPrometheusController_index"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A projection’s status, progress, inputs and (once completed) outputs */
        get: operations["ProjectionController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projections/{id}/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workbook (.xlsx) of a completed projection: inputs, percentile bands with a chart, distributions
         * @description Built on request from the stored outputs (no job); the values are those GET /projections/{id} serves.
         */
        get: operations["ProjectionController_workbook"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request an Excel report of a completed simulation; follow it on the /reports socket
         * @description The same simulation reported again reuses the existing report unless force is true.
         */
        post: operations["ReportController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/report/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report’s status, progress, failure reason and download link */
        get: operations["ReportController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/report/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workbook (.xlsx) of a completed report */
        get: operations["ReportController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shared/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A shared result (a simulation or a comparison), read-only and without signing in
         * @description The result as its owner’s results or comparison page shows it, with nothing about the owner; `kind` says which. The query options apply to a simulation.
         */
        get: operations["SharedController_read"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shared/{token}/analysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rolling metrics of one window and the drawdown episodes of a shared result, without its series
         * @description As GET /history/{id}/analysis for the owner (same options): the shared page’s window chooser.
         */
        get: operations["SharedController_analysis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shared/{token}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The shared result’s workbook (.xlsx)
         * @description A simulation: the owner’s workbook of the result; when there is none yet it is built through the report queue and this answers 409 REPORT_NOT_READY with Retry-After until it is ready. A comparison: its workbook, built on request (as GET /comparisons/{id}/xlsx).
         */
        get: operations["SharedController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shared/{token}/tearsheet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The shared result’s tearsheet: one self-contained HTML file (inline SVG; opens offline, prints to PDF)
         * @description Rendered on request from the stored result, with nothing of the owner (not even the simulation id).
         */
        get: operations["SharedController_tearsheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a simulation: parsed at once, run by a worker; follow it on the /simulations socket
         * @description The simulation is stored before the answer: while the job queue (Redis) is down the answer is still 202 and it runs once the queue is back. While the database is down the answer is 503 DATABASE_UNAVAILABLE: send it again after Retry-After, with the same Idempotency-Key.
         */
        post: operations["SimulationController_simulate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your studies, newest first (without their results) */
        get: operations["StudyController_list"];
        put?: never;
        /**
         * Search the weights of a universe: backtest every candidate, keep the best and the frontiers
         * @description Random (uniform or Dirichlet) or grid candidates under per-ticker bounds, shorts and a holdings limit, each backtested on daily prices with the options of a command. Cut into chunks that any worker takes; follow it on the /studies socket. docs/studies.md
         */
        post: operations["StudyController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A study: status, progress, and once completed the best portfolios, frontiers, statistics */
        get: operations["StudyController_get"];
        put?: never;
        post?: never;
        /** Delete a study (its chunks still queued stop at once) */
        delete: operations["StudyController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studies/{id}/scatter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every candidate’s volatility, CAGR, Sharpe and max drawdown (up to 100,000 points), as base64 typed arrays */
        get: operations["StudyController_scatter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studies/{id}/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workbook (.xlsx) of a completed study: best portfolios per objective, references, frontiers, statistics */
        get: operations["StudyController_workbook"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickers/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether each ticker can be priced by a configured source (or your upload), with the nearest known ones */
        get: operations["TickersController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AssetResponseDto: {
            /** @description first and last day with a price */
            available: components["schemas"]["DateRangeDto"];
            /** @example USD */
            currency: string | null;
            /** @example NasdaqGS */
            exchange: string | null;
            /**
             * @description what the prices measure: total-return when dividends are reinvested in them (adjusted closes, a total-return index), price-only when not (a price index such as ^GSPC, an upload of plain closes)
             * @enum {string}
             */
            kind: "total-return" | "price-only";
            /** @example Apple Inc. */
            name: string | null;
            /**
             * @description the source that serves this series
             * @enum {string}
             */
            source: "yahoo" | "sample" | "upload";
            /** @example AAPL */
            ticker: string;
            /**
             * @description EQUITY, ETF, INDEX, ... or UPLOAD
             * @example EQUITY
             */
            type: string | null;
        };
        AssetSearchResultDto: {
            /** @example USD */
            currency: string | null;
            /** @example NASDAQ */
            exchange: string | null;
            /** @example Apple Inc. */
            name: string | null;
            /**
             * @description sources that know the ticker (stored ones first)
             * @example [
             *       "sample"
             *     ]
             */
            sources: string[];
            /** @example AAPL */
            ticker: string;
            /** @example EQUITY */
            type: string | null;
        };
        AuthProvidersResponse: {
            /**
             * @description Google sign-in is configured
             * @example false
             */
            google: boolean;
            /**
             * @description where to send the browser
             * @example /auth/google/login
             */
            googleLoginUrl: string | null;
            /**
             * @description email and password sign-in (always available)
             * @example true
             */
            password: boolean;
        };
        AuthTokensResponse: {
            /** @description JWT (HS256) for `Authorization: Bearer ...` and the Socket.IO handshake `auth.token` */
            accessToken: string;
            /**
             * @description seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
            /** @description single-use: POST /auth/refresh returns a new one and retires this one; also set as the httpOnly portofino_refresh cookie */
            refreshToken: string;
            /**
             * Format: date-time
             * @example 2026-02-01T03:04:05.000Z
             */
            refreshTokenExpiresAt: string;
            /**
             * @example Bearer
             * @enum {string}
             */
            tokenType: "Bearer";
            user: components["schemas"]["UserResponse"];
        };
        BandRebalanceDto: {
            /** @enum {string} */
            kind: "band";
            /** @description rebalance when a weight is this many percentage points from its target */
            thresholdPercent: number;
        };
        BenchmarkOutcomeDto: {
            /** @description the day withdrawals emptied the benchmark, or null */
            depletedOn: string | null;
            /** @description the capital and the same contributions invested in the benchmark, no fees */
            finalValue: number;
            /** @description XIRR on the same flows, when there are contributions */
            moneyWeightedReturn: number | null;
            ticker: string;
        };
        BestOfMetricDto: {
            /** @enum {string} */
            direction: "higher" | "lower";
            /** @description the best members (0-based; ties share it) */
            members: number[];
            /** @example sharpe */
            metric: string;
            value: number;
        };
        CashFlowDto: {
            /** @description money put in (negative: withdrawn) */
            amount: number;
            date: string;
        };
        CashInterestDto: {
            /** @description borrow= as written */
            borrowRate: string;
            /** @description cash= as written: a percentage or a rate series ticker */
            cashRate: string;
            /** @enum {string} */
            dayCount: "actual/360";
            /** @description interest credited to positive cash, in money */
            earned: number;
            /** @description interest paid on loans, in money (positive) */
            paid: number;
        };
        CommandOptionsDto: {
            benchmark: string | null;
            /** @description paid on negative cash */
            borrowRate: components["schemas"]["ConstantRateDto"] | components["schemas"]["SeriesRateDto"];
            capital: number;
            /** @description earned by positive cash */
            cashRate: components["schemas"]["ConstantRateDto"] | components["schemas"]["SeriesRateDto"];
            contribution: components["schemas"]["ContributionDto"] | null;
            /** @description fee in percent of traded value */
            feePercent: number;
            /** @description for real returns; null: nominal only */
            inflation: (components["schemas"]["ConstantRateDto"] | components["schemas"]["IndexInflationDto"]) | null;
            rebalance: components["schemas"]["NoRebalanceDto"] | components["schemas"]["PeriodicRebalanceDto"] | components["schemas"]["BandRebalanceDto"];
            /** @description annual risk-free rate in percent (Sharpe, Sortino) */
            riskFreePercent: number;
        };
        CommonPeriodNoteDto: {
            /** @enum {string} */
            code: "COMMON_PERIOD_STARTS_LATER" | "COMMON_PERIOD_ENDS_EARLIER";
            date: string;
            /** @description the member (0-based) the note is about */
            member: number;
            message: string;
        };
        ComparedMemberDto: {
            /** @description the period the command asks for */
            asked: components["schemas"]["DateRangeDto"];
            canonical: string;
            command: string;
            /** @description the part of it its prices cover */
            covered: components["schemas"]["DateRangeDto"];
            finalValue: number;
            metrics: components["schemas"]["PerformanceMetricsDto"];
            name: string;
            series: components["schemas"]["ComparedSeriesDto"];
            /** @description the period simulated */
            simulated: components["schemas"]["DateRangeDto"];
            warnings: components["schemas"]["ComparedWarningDto"][];
        };
        ComparedSeriesDto: {
            /** @description time-weighted daily return (0 on the first day) */
            dailyReturn: number[];
            dates: string[];
            /** @description drawdown (0 or negative) */
            drawdown: number[];
            /** @description portfolio value at each close */
            value: number[];
        };
        ComparedWarningDto: {
            code: string;
            message: string;
        };
        ComparisonAcceptedDto: {
            /** Format: uuid */
            comparisonId: string;
            members: components["schemas"]["ComparisonMemberSummaryDto"][];
            /** @enum {string} */
            period: "common" | "own";
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            /**
             * Format: uuid
             * @description the queued job (its id is the comparison id)
             */
            taskId: string;
        };
        ComparisonDetailDto: {
            /** Format: uuid */
            comparisonId: string;
            /** Format: date-time */
            createdAt: string;
            failureCode: string | null;
            /** @description the member (0-based) the failure is about */
            failureMember: number | null;
            /** @description why it failed, in words a person can act on */
            failureReason: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            members: components["schemas"]["ComparisonMemberSummaryDto"][];
            /** @enum {string} */
            period: "common" | "own";
            progress: components["schemas"]["ComparisonProgressDto"];
            /** @description once completed */
            result: components["schemas"]["ComparisonResultDto"] | null;
            /** @description the history entries it was built from */
            simulationIds: string[] | null;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
        };
        ComparisonMemberInputDto: {
            /** @example AAPL-L-50% MSFT-L-50% 2010-01-01 2022-12-28 rebalance=monthly */
            command: string;
            /**
             * @description a name for the table (default: Portfolio n)
             * @example Tech 50/50
             */
            name?: string | null;
        };
        ComparisonMemberSummaryDto: {
            /** @description the command in canonical form */
            canonical: string;
            command: string;
            name: string;
        };
        ComparisonPageDto: {
            items: components["schemas"]["ComparisonSummaryDto"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            size: number;
            /**
             * @description the user’s comparisons, over all pages
             * @example 57
             */
            total: number;
        };
        ComparisonPeriodDto: {
            end: string;
            /** @description the members (0-based) whose prices end first: they set the end */
            endSetBy: number[];
            /** @enum {string} */
            mode: "common" | "own";
            /** @description each member the common period cuts, said plainly */
            notes: components["schemas"]["CommonPeriodNoteDto"][];
            /** @description the common period’s first day (empty when the members have none) */
            start: string;
            /** @description the members (0-based) whose prices start last: they set the start */
            startSetBy: number[];
            /** @description the period used, in one sentence */
            statement: string;
        };
        ComparisonProgressDto: {
            percent: number;
            phase: string | null;
        };
        ComparisonRequestDto: {
            /** @description 2 to 10 portfolios, each a command */
            members?: components["schemas"]["ComparisonMemberInputDto"][] | null;
            /**
             * @description common (when absent): every member on the period all can cover; own: each on its own period
             * @enum {string|null}
             */
            period?: "common" | "own" | null;
            /** @description 2 to 10 of your simulations (history ids) */
            simulationIds?: string[] | null;
        };
        ComparisonResultDto: {
            /** @description the best member on each ranked metric */
            best: components["schemas"]["BestOfMetricDto"][];
            correlation: components["schemas"]["CorrelationMatrixDto"];
            members: components["schemas"]["ComparedMemberDto"][];
            period: components["schemas"]["ComparisonPeriodDto"];
        };
        ComparisonSummaryDto: {
            /** Format: uuid */
            comparisonId: string;
            /** Format: date-time */
            createdAt: string;
            failureCode: string | null;
            /** @description the member (0-based) the failure is about */
            failureMember: number | null;
            /** @description why it failed, in words a person can act on */
            failureReason: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            members: components["schemas"]["ComparisonMemberSummaryDto"][];
            /** @enum {string} */
            period: "common" | "own";
            progress: components["schemas"]["ComparisonProgressDto"];
            /** @description the history entries it was built from */
            simulationIds: string[] | null;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
        };
        ConstantRateDto: {
            /** @enum {string} */
            kind: "constant";
            /** @description percent a year */
            percent: number;
        };
        ContributionDto: {
            /** @description money a period; negative: a withdrawal */
            amount: number;
            /** @enum {string} */
            period: "month" | "quarter" | "year";
        };
        CorrelationMatrixDto: {
            /** @description the dates every member has */
            commonDates: number;
            /** @description Pearson correlations of the members’ daily returns, in member order; null where undefined */
            matrix: (number | null)[][];
            /** @description daily returns correlated (commonDates − 1) */
            observations: number;
        };
        DataSourceDto: {
            /**
             * @description total-return: dividends reinvested (adjusted closes); price-only: a price index or plain closes
             * @enum {string}
             */
            kind: "total-return" | "price-only";
            /** @description yahoo, sample or upload */
            source: string;
            ticker: string;
        };
        DateRangeDto: {
            /** @example 2022-12-28 */
            end: string;
            /** @example 1990-01-02 */
            start: string;
        };
        DeleteAccountRequest: {
            /** @description the account’s password; may be left out within 5 minutes of a sign-in (how an account without a password, signed in with Google, confirms) */
            password?: string | null;
        };
        DividendDto: {
            /** @example 0.77 */
            amount: number;
            /** @example 2020-02-07 */
            date: string;
        };
        DrawdownEpisodeDto: {
            /** @description calendar days from the trough to the recovery */
            calendarDaysToRecovery: number | null;
            /** @description calendar days from the peak to the trough */
            calendarDaysToTrough: number;
            /** @description deepest drawdown of the episode, a negative fraction */
            depth: number;
            /** @description last day at the peak before the fall */
            peakDate: string;
            /** @description row of that day in `series.dates` */
            peakRow: number;
            recovered: boolean;
            /** @description first day back at the peak; null when not recovered */
            recoveryDate: string | null;
            recoveryRow: number | null;
            /** @description trading days from the peak to the recovery, or to the last day when not recovered */
            tradingDays: number;
            /** @description trading days from the trough to the recovery */
            tradingDaysToRecovery: number | null;
            /** @description trading days from the peak to the trough */
            tradingDaysToTrough: number;
            /** @description lowest day (the first, if touched twice) */
            troughDate: string;
            troughRow: number;
            /** @description calendar days under water, inclusive (QuantStats drawdown_details "days") */
            underwaterDays: number;
        };
        DrawdownEpisodesDto: {
            /** @description the `drawdownDeeperThan` asked for, if any */
            deeperThan: number | null;
            /** @description deepest first (ties: the earlier first) */
            episodes: components["schemas"]["DrawdownEpisodeDto"][];
            /** @description at most this many episodes are listed */
            limit: number;
            /** @description every episode of the run, before the threshold and the limit */
            totalEpisodes: number;
        };
        ErrorResponse: {
            /** @description per-field or per-token problems */
            details: Record<string, never>[];
            /**
             * @description stable machine-readable code
             * @example VALIDATION_FAILED
             */
            error: string;
            /**
             * @description what went wrong, in words
             * @example command must be a string
             */
            message: string;
            /**
             * @description quote it when reporting a problem
             * @example 1b4e28ba-2fa1-11d2-883f-0016d3cca427
             */
            requestId: string;
            /**
             * @description HTTP status, repeated for clients that only see the body
             * @example 400
             */
            status: number;
        };
        HistogramDto: {
            above: number;
            below: number;
            counts: number[];
            lower: number;
            upper: number;
        };
        HistoryPageDto: {
            items: components["schemas"]["SimulationSummaryDto"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            size: number;
            /**
             * @description entries matching the filters, over all pages
             * @example 57
             */
            total: number;
        };
        IndexInflationDto: {
            /** @enum {string} */
            kind: "index";
            /** @description a price-level index (CPI) */
            ticker: string;
        };
        LoginRequest: {
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
            /** @example correct horse battery staple 7 */
            password: string;
        };
        NoRebalanceDto: {
            /**
             * @description buy and hold
             * @enum {string}
             */
            kind: "none";
        };
        ParsedCommandDto: {
            /** @description last calendar day asked, YYYY-MM-DD */
            end: string;
            /** @description every option, defaults included */
            options: components["schemas"]["CommandOptionsDto"];
            positions: components["schemas"]["PositionDto"][];
            /** @description first calendar day asked, YYYY-MM-DD */
            start: string;
        };
        PasswordPolicyResponse: {
            /**
             * @description most characters a password may have
             * @example 128
             */
            maxLength: number;
            /**
             * @description fewest different characters
             * @example 5
             */
            minDistinctCharacters: number;
            /**
             * @description fewest characters (Unicode code points) a password may have
             * @example 12
             */
            minLength: number;
            /** @description every rule, in words */
            rules: string[];
            /**
             * @description one sentence for the registration form
             * @example At least 12 characters (up to 128); a few unrelated words make a strong one.
             */
            summary: string;
        };
        PerformanceMetricsDto: {
            /** @description against the benchmark; null without one */
            benchmark: components["schemas"]["RelativeMetricsDto"] | null;
            bestDay: number;
            bestMonth: number;
            bestYear: number;
            cagr: number;
            calmar: number;
            /** @description historical, daily */
            conditionalValueAtRisk95: number;
            endDate: string;
            /** @description excess kurtosis */
            kurtosis: number;
            /** @description calendar days */
            longestDrawdownDays: number;
            /** @description deepest fall from a running peak (negative) */
            maxDrawdown: number;
            /** @description calendar days */
            maxDrawdownDays: number;
            maxDrawdownPeakDate: string | null;
            /** @description null when not recovered by the end */
            maxDrawdownRecoveryDate: string | null;
            maxDrawdownTroughDate: string | null;
            parametricConditionalValueAtRisk95: number;
            /** @description variance-covariance (QuantStats default) */
            parametricValueAtRisk95: number;
            /** @description share of months with a positive return */
            positiveMonths: number;
            sharpe: number;
            skew: number;
            sortino: number;
            /** @description first day of the return series */
            startDate: string;
            totalReturn: number;
            /** @description number of daily returns */
            tradingDays: number;
            ulcerIndex: number;
            /** @description historical, daily */
            valueAtRisk95: number;
            /** @description annualised */
            volatility: number;
            worstDay: number;
            worstMonth: number;
            worstYear: number;
            /** @description tradingDays / 252 */
            years: number;
        };
        PeriodicRebalanceDto: {
            /** @enum {string} */
            frequency: "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
            /** @enum {string} */
            kind: "periodic";
        };
        PortfolioExposureDto: {
            /** @description 1 − long + short; negative: a loan */
            cash: number;
            /** @description long + short */
            gross: number;
            /** @description sum of the long positions (CASH not included) */
            long: number;
            /** @description long − short */
            net: number;
            /** @description sum of the short positions (positive) */
            short: number;
        };
        PositionDto: {
            /**
             * @description L long, S short
             * @enum {string}
             */
            side: "L" | "S";
            /** @description upper case as written (BRK-B, ^GSPC), a synthetic ticker (SPY?L=2) or CASH */
            ticker: string;
            /** @description weight in percent as written (12.5 for 12.5%) */
            weightPercent: number;
        };
        PriceSeriesResponseDto: {
            /** @description closes adjusted for splits and dividends (what simulations use) */
            adjClose: number[];
            /** @description what the source has in all */
            available: components["schemas"]["DateRangeDto"];
            /** @description raw closes, null where the source has only adjusted closes (sample data) */
            close: (number | null)[];
            /**
             * @description number of trading days returned
             * @example 3
             */
            count: number;
            /** @example USD */
            currency: string | null;
            /**
             * @example [
             *       "2020-01-02",
             *       "2020-01-03",
             *       "2020-01-06"
             *     ]
             */
            dates: string[];
            dividends: components["schemas"]["DividendDto"][];
            /**
             * @description what the prices measure: total-return when dividends are reinvested in them (adjusted closes, a total-return index), price-only when not (a price index such as ^GSPC, an upload of plain closes)
             * @enum {string}
             */
            kind: "total-return" | "price-only";
            /**
             * @description the source that served this series
             * @enum {string}
             */
            source: "yahoo" | "sample" | "upload";
            splits: components["schemas"]["SplitDto"][];
            /** @example AAPL */
            ticker: string;
        };
        ProjectionAcceptedDto: {
            /** Format: uuid */
            projectionId: string;
            /** Format: uuid */
            simulationId: string;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            /** @description GET it for the status and, once completed, the outputs */
            url: string;
        };
        ProjectionCashFlowDto: {
            /**
             * @description kind amount: signed amount per period (−4000 withdraws 4,000)
             * @example -4000
             */
            amount?: number | null;
            /**
             * @description kind amount: grow the amount with inflationRate
             * @default false
             */
            inflationIndexed: boolean | null;
            /**
             * @description a fixed amount per period, or a share of the value
             * @enum {string}
             */
            kind: "amount" | "percent";
            /** @enum {string} */
            period: "month" | "quarter" | "year";
            /**
             * @description kind percent: signed fraction of the value (−0.04 withdraws 4 %)
             * @example -0.04
             */
            rate?: number | null;
        };
        ProjectionDistributionDto: {
            /** @description 40 bins from the 1st to the 99th percentile */
            histogram: components["schemas"]["HistogramDto"];
            max: number;
            mean: number;
            min: number;
            /** @description one per entry of percentiles */
            percentiles: number[];
        };
        ProjectionDto: {
            createdAt: string;
            failureCode: string | null;
            /** @description why it failed, in words a person can act on */
            failureReason: string | null;
            finishedAt: string | null;
            /** @description every option, defaults resolved (the seed too) */
            inputs: components["schemas"]["ProjectionInputsDto"];
            /** @description once completed */
            outputs: components["schemas"]["ProjectionOutputsDto"] | null;
            progress: components["schemas"]["ProjectionProgressDto"];
            /** Format: uuid */
            projectionId: string;
            /** Format: uuid */
            simulationId: string;
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
        };
        ProjectionInputsDto: {
            /** @description 1 for monthly */
            blockMonths: number;
            cashFlow: components["schemas"]["ProjectionCashFlowDto"] | null;
            inflationRate: number;
            initialValue: number;
            /** @enum {string} */
            method: "monthly" | "block";
            paths: number;
            seed: number;
            targetValue: number;
            years: number;
        };
        ProjectionOutputsDto: {
            cagr: components["schemas"]["ProjectionDistributionDto"];
            /** @description paths a withdrawal emptied before the horizon */
            depletedPaths: number;
            finalValue: components["schemas"]["ProjectionDistributionDto"];
            /** @description complete historical months resampled */
            historyMonths: number;
            maxDrawdown: components["schemas"]["ProjectionDistributionDto"];
            months: number;
            paths: number;
            pathsAboveTarget: number;
            /** @description paths ending above 0 (the money lasted) */
            pathsPositive: number;
            /**
             * @example [
             *       5,
             *       10,
             *       25,
             *       50,
             *       75,
             *       90,
             *       95
             *     ]
             */
            percentiles: number[];
            /** @description share of paths ending above the target */
            probabilityAboveTarget: number;
            /** @description share of paths ending above 0 */
            probabilityPositive: number;
            sustainableWithdrawal: components["schemas"]["SustainableWithdrawalDto"];
            valueBands: components["schemas"]["ValueBandDto"][];
            years: number;
        };
        ProjectionProgressDto: {
            percent: number;
            phase: string | null;
        };
        ProjectionRequestDto: {
            /**
             * @description block length in months (method block; at most the history’s complete months)
             * @default 12
             */
            blockMonths: number | null;
            /** @description contribution or withdrawal per period; default the simulation’s own (contribute=…); null for none */
            cashFlow?: components["schemas"]["ProjectionCashFlowDto"] | null;
            /**
             * @description annual inflation for indexed amounts
             * @default 0
             */
            inflationRate: number | null;
            /** @description value at month 0; default the simulation’s final value */
            initialValue?: number | null;
            /**
             * @description monthly: each month drawn independently; block: runs of blockMonths consecutive months
             * @default block
             * @enum {string|null}
             */
            method: "monthly" | "block" | null;
            /** @default 10000 */
            paths: number | null;
            /** @description the same seed and inputs give the same result; random when absent */
            seed?: number | null;
            /** @description value for probabilityAboveTarget; default the initial value */
            targetValue?: number | null;
            /** @default 30 */
            years: number | null;
        };
        RealReturnsDto: {
            /** @description the same a year (252-day years, as the CAGR) */
            annualInflation: number;
            /** @description CAGR deflated */
            cagr: number;
            /** @description how much prices rose over the run */
            cumulativeInflation: number;
            /** @description the final value in money of the first day */
            finalValue: number;
            /** @description inflation= as written: a percentage or a price index ticker */
            inflation: string;
            /** @description time-weighted return deflated */
            totalReturn: number;
        };
        RefreshRequest: {
            /**
             * @description the refresh token; omit it to use the portofino_refresh cookie (dashboard)
             * @example pfr_Wm9yZ2V0IGl0OyB0aGlzIGlzIGFuIGV4YW1wbGUgdG9rZW4uLi4
             */
            refreshToken?: string | null;
        };
        RegisterRequest: {
            /** @example Ada Lovelace */
            displayName?: string | null;
            /**
             * Format: email
             * @description stored trimmed and in lower case; unique
             * @example ada@example.com
             */
            email: string;
            /**
             * @description 12 to 128 characters, any characters, at least 5 different ones; not a common password (the pattern lists them); not containing the email's name part (4 characters or more)
             * @example correct horse battery staple 7
             */
            password: string;
        };
        RelativeMetricsDto: {
            /** @description annualised, no risk-free adjustment */
            alpha: number;
            beta: number;
            correlation: number;
            downCapture: number;
            /** @description daily, not annualised (QuantStats) */
            informationRatio: number;
            rSquared: number;
            /** @description the benchmark ticker */
            ticker: string;
            /** @description annualised */
            trackingError: number;
            upCapture: number;
        };
        ReportAcceptedDto: {
            /** @description false when an existing report of the simulation was reused */
            created: boolean;
            /** Format: uuid */
            reportId: string;
            /** Format: uuid */
            simulationId: string;
            /**
             * @description completed when an existing report was reused
             * @enum {string}
             */
            status: "queued" | "running" | "completed" | "failed";
            /**
             * Format: uuid
             * @description the queued job (its id is the report id)
             */
            taskId: string;
        };
        ReportDto: {
            createdAt: string;
            /** @description GET it to download the workbook once completed */
            downloadUrl: string | null;
            failureCode: string | null;
            /** @description why the report failed, in words a person can act on */
            failureReason: string | null;
            /** @example portofino-aapl-l-50pct-msft-l-50pct-2020-01-01-2022-12-28-2026-01-05.xlsx */
            fileName: string | null;
            finishedAt: string | null;
            progress: components["schemas"]["ReportProgressDto"];
            /** Format: uuid */
            reportId: string;
            /** Format: uuid */
            simulationId: string;
            sizeBytes: number | null;
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
        };
        ReportProgressDto: {
            percent: number;
            phase: string | null;
        };
        ReportRequestDto: {
            /**
             * @description build a new workbook even if one of this simulation exists (or is being built)
             * @default false
             */
            force: boolean | null;
            /**
             * Format: uuid
             * @description one of your completed simulations
             */
            simulationId: string;
        };
        RollingBenchmarkSeriesDto: {
            /** @description deepest fall within the window (0 or negative) */
            maxDrawdown: (number | null)[];
            /** @description compounded return of the window, annualised beyond 252 days */
            return: (number | null)[];
            /** @description annualised Sharpe (QuantStats rolling_sharpe); null for a flat window */
            sharpe: (number | null)[];
            /** @description annualised Sortino (QuantStats rolling_sortino); null with no loss */
            sortino: (number | null)[];
            /** @description annualised volatility (QuantStats rolling_volatility) */
            volatility: (number | null)[];
        };
        RollingMetricsDto: {
            /** @description the benchmark’s own; null without one */
            benchmark: components["schemas"]["RollingBenchmarkSeriesDto"] | null;
            /** @description how many windows (values in each series): 0 when the run is shorter than the window */
            count: number;
            /** @description the day the first window ends; null when the run is shorter than the window */
            firstDate: string | null;
            /** @description row of `series.dates` the first window ends on (= window) */
            firstRow: number;
            portfolio: components["schemas"]["RollingPortfolioSeriesDto"];
            /**
             * @description window length in trading days (126 ≈ 6 months, 252 ≈ 12, 756 ≈ 36)
             * @example 252
             */
            window: number;
        };
        RollingPortfolioSeriesDto: {
            /** @description beta against the benchmark (QuantStats rolling_greeks); null without a benchmark */
            beta: (number | null)[] | null;
            /** @description correlation with the benchmark; null without a benchmark */
            correlation: (number | null)[] | null;
            /** @description deepest fall within the window (0 or negative) */
            maxDrawdown: (number | null)[];
            /** @description compounded return of the window, annualised beyond 252 days */
            return: (number | null)[];
            /** @description annualised Sharpe (QuantStats rolling_sharpe); null for a flat window */
            sharpe: (number | null)[];
            /** @description annualised Sortino (QuantStats rolling_sortino); null with no loss */
            sortino: (number | null)[];
            /** @description annualised volatility (QuantStats rolling_volatility) */
            volatility: (number | null)[];
        };
        SeriesRateDto: {
            /** @enum {string} */
            kind: "series";
            /** @description a series of annual percentages (^IRX) */
            ticker: string;
        };
        SeriesSourceDto: {
            from: string;
            /** @description the series (a plain ticker or a synthetic one) */
            source: string;
            to: string;
        };
        SharedComparisonDto: {
            comparison: components["schemas"]["SharedComparisonResultDto"];
            /**
             * @description what is shared (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            kind: "comparison";
            /** @description when the link was created */
            sharedAt: string;
        };
        SharedComparisonResultDto: {
            /** @description the best member on each ranked metric */
            best: components["schemas"]["BestOfMetricDto"][];
            correlation: components["schemas"]["CorrelationMatrixDto"];
            members: components["schemas"]["ComparedMemberDto"][];
            period: components["schemas"]["ComparisonPeriodDto"];
        };
        SharedSimulationDto: {
            /**
             * @description what is shared (a comparison: SharedComparisonDto) (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            kind: "simulation";
            /** @description when the link was created */
            sharedAt: string;
            simulation: components["schemas"]["SharedSimulationResultDto"];
        };
        SharedSimulationResultDto: {
            cagr: number | null;
            /** @description the command in canonical form (display and de-duplication) */
            canonical: string;
            /** @example AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01 */
            command: string;
            /** @description the ten deepest drawdown episodes, or those `?drawdownDeeperThan=`; null until completed */
            drawdownEpisodes: components["schemas"]["DrawdownEpisodesDto"] | null;
            /** @example 2023-01-01 */
            endDate: string;
            maxDrawdown: number | null;
            /** @description every metric (docs/metrics.md), the benchmark’s own beside the portfolio’s when there is one */
            metrics: components["schemas"]["SimulationMetricsDto"] | null;
            /** @description positions, dates and options as parsed at submission */
            parsedCommand: components["schemas"]["ParsedCommandDto"];
            /** @description rolling metrics of the `?rollingWindow=` window (default 252 trading days); null until completed */
            rolling: components["schemas"]["RollingMetricsDto"] | null;
            series: components["schemas"]["SimulationSeriesDto"] | null;
            sharpe: number | null;
            /** @example 2020-01-01 */
            startDate: string;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            /** @description final value, fees, contributions, money-weighted return, price sources, warnings */
            summary: components["schemas"]["SimulationOutcomeDto"] | null;
            /**
             * @example [
             *       "AAPL",
             *       "MSFT"
             *     ]
             */
            tickers: string[];
            totalReturn: number | null;
            /** @description how many trades the simulation made */
            tradeCount: number | null;
            /** @description the first `?trades=` trades, or all of them */
            trades: components["schemas"]["TradeDto"][] | null;
        };
        ShareLinkCreatedDto: {
            /** @example 2026-12-03T18:00:00.000Z */
            createdAt: string;
            /**
             * Format: uuid
             * @description the link’s id: revokes it like its token does
             */
            id: string;
            /**
             * @description 256 random bits, base64url (43 characters); shown only now
             * @example hR2k0l3u5mXJv1sQ8yZbq4WcT7nD9aPeLfG6oIxY0s4
             */
            token: string;
            /**
             * @description the token’s last four characters, to tell links apart
             * @example x9Qa
             */
            tokenHint: string;
            /**
             * @description the shared page, relative to this server’s origin
             * @example /app/shared/hR2k0l3u5mXJv1sQ8yZbq4WcT7nD9aPeLfG6oIxY0s4
             */
            url: string;
        };
        ShareLinkDto: {
            /** @example 2026-12-03T18:00:00.000Z */
            createdAt: string;
            /**
             * Format: uuid
             * @description the link’s id: revokes it like its token does
             */
            id: string;
            /**
             * @description the token’s last four characters, to tell links apart
             * @example x9Qa
             */
            tokenHint: string;
        };
        ShareLinkListDto: {
            /** @description active links, newest first */
            items: components["schemas"]["ShareLinkDto"][];
        };
        SimulateRequestDto: {
            /**
             * @description positions TICKER-SIDE-WEIGHT%, start and end dates, then options key=value (docs/command-language.md)
             * @example AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01
             */
            command: string;
            options?: components["schemas"]["SimulationOptionOverridesDto"] | null;
        };
        SimulationAcceptedDto: {
            /** @description the command as it will run, in canonical form */
            canonical: string;
            /** Format: uuid */
            simulationId: string;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            /** @description the queue job that runs it (equal to simulationId) */
            taskId: string;
        };
        SimulationAnalysisDto: {
            drawdownEpisodes: components["schemas"]["DrawdownEpisodesDto"];
            rolling: components["schemas"]["RollingMetricsDto"];
        };
        SimulationDetailDto: {
            cagr: number | null;
            /** @description the command in canonical form (display and de-duplication) */
            canonical: string;
            /** @example AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01 */
            command: string;
            createdAt: string;
            /** @description the ten deepest drawdown episodes, or those `?drawdownDeeperThan=`; null until completed */
            drawdownEpisodes: components["schemas"]["DrawdownEpisodesDto"] | null;
            /** @example 2023-01-01 */
            endDate: string;
            /** @description why it failed, in words a person can act on */
            failureReason: string | null;
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            maxDrawdown: number | null;
            /** @description every metric (docs/metrics.md), the benchmark’s own beside the portfolio’s when there is one */
            metrics: components["schemas"]["SimulationMetricsDto"] | null;
            /** @description positions, dates and options as parsed at submission */
            parsedCommand: components["schemas"]["ParsedCommandDto"];
            progress: components["schemas"]["SimulationProgressDto"];
            /** @description rolling metrics of the `?rollingWindow=` window (default 252 trading days); null until completed */
            rolling: components["schemas"]["RollingMetricsDto"] | null;
            series: components["schemas"]["SimulationSeriesDto"] | null;
            sharpe: number | null;
            /** @example 2020-01-01 */
            startDate: string;
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            /** @description final value, fees, contributions, money-weighted return, price sources, warnings */
            summary: components["schemas"]["SimulationOutcomeDto"] | null;
            /**
             * @example [
             *       "AAPL",
             *       "MSFT"
             *     ]
             */
            tickers: string[];
            totalReturn: number | null;
            /** @description how many trades the simulation made */
            tradeCount: number | null;
            /** @description the first `?trades=` trades, or all of them */
            trades: components["schemas"]["TradeDto"][] | null;
        };
        SimulationMetricsDto: {
            /** @description the benchmark's own metrics over the same days (a second column); null without a benchmark */
            benchmark: components["schemas"]["PerformanceMetricsDto"] | null;
            portfolio: components["schemas"]["PerformanceMetricsDto"];
        };
        SimulationNoteDto: {
            /**
             * @description LEVERAGE: exposure beyond the capital or a loan; CASH_INTEREST: the cash= and borrow= rates and the interest they gave; SYNTHETIC: what a synthetic ticker is and its financing base rate; SPLICE: which series gave a spliced ticker's prices from which date; INFLATION: the real value and CAGR
             * @enum {string}
             */
            code: "LEVERAGE" | "CASH_INTEREST" | "SYNTHETIC" | "SPLICE" | "INFLATION";
            message: string;
            /** @description the ticker it is about, or null */
            ticker: string | null;
        };
        SimulationOptionOverridesDto: {
            /** @example ^GSPC */
            benchmark?: string | null;
            /**
             * @description annual rate paid on loans: a percentage or a rate series ticker
             * @example 6%
             */
            borrow?: string | null;
            /**
             * @description starting capital
             * @example 250000
             */
            capital?: number | null;
            /**
             * @description annual rate earned by cash: a percentage or a rate series ticker
             * @example 4%
             */
            cash?: string | null;
            /**
             * @description amount/month|quarter|year; negative withdraws
             * @example 1000/month
             */
            contribute?: string | null;
            /**
             * @description fee as a percentage of traded value
             * @example 0.1%
             */
            fee?: string | null;
            /**
             * @description annual inflation or a price index ticker, for real returns
             * @example 3%
             */
            inflation?: string | null;
            /**
             * @description none | daily | weekly | monthly | quarterly | yearly | band:5%
             * @example monthly
             */
            rebalance?: string | null;
            /**
             * @description annual risk-free rate
             * @example 2%
             */
            rf?: string | null;
        };
        SimulationOutcomeDto: {
            benchmark: components["schemas"]["BenchmarkOutcomeDto"] | null;
            /** @description null when cash= and borrow= are both 0 */
            cashInterest: components["schemas"]["CashInterestDto"] | null;
            /** @description each ticker: where its prices came from and what they measure */
            dataSources: components["schemas"]["DataSourceDto"][];
            /** @description the day the value reached zero, or null */
            depletedOn: string | null;
            /** @description null for results stored before it */
            exposure: components["schemas"]["PortfolioExposureDto"] | null;
            finalValue: number;
            flows: components["schemas"]["CashFlowDto"][];
            initialCapital: number;
            /** @description XIRR, when there are contributions */
            moneyWeightedReturn: number | null;
            netContributions: number;
            /** @description leverage, interest, synthetic tickers, splices and real returns in words; empty for a plain run */
            notes: components["schemas"]["SimulationNoteDto"][];
            /** @description inflation-adjusted figures (inflation=), or null */
            realReturns: components["schemas"]["RealReturnsDto"] | null;
            /** @description last day simulated (the asked end may be later: see warnings) */
            simulatedEnd: string;
            /** @description first day simulated (the asked start may be earlier: see warnings) */
            simulatedStart: string;
            /** @description where each ticker’s prices came from (yahoo, sample, upload) */
            sources: {
                [key: string]: string;
            };
            /** @description each synthetic ticker of the command */
            synthetics: components["schemas"]["SyntheticTickerDto"][];
            totalFees: number;
            /** @description to read before the numbers, most important first */
            warnings: components["schemas"]["SimulationWarningDto"][];
        };
        SimulationProgressDto: {
            /** @example 40 */
            percent: number;
            /** @example fetching prices 1/2 */
            phase: string | null;
        };
        SimulationSeriesDto: {
            /** @description benchmark closes on the same days, if any */
            benchmark: number[] | null;
            /** @description the benchmark as an investment with the portfolio’s cash flows (capital, then each contribution on the same day), if any; null for results stored before it was kept */
            benchmarkValue: number[] | null;
            /** @description compounded time-weighted return since the start */
            cumulativeReturn: number[];
            /** @description time-weighted daily return (0 on the first day) */
            dailyReturn: number[];
            /** @description trading days, YYYY-MM-DD */
            dates: string[];
            /** @description fall from the running peak (0 or negative) */
            drawdown: number[];
            /** @description portfolio value at each close */
            nav: number[];
            /** @description signed value weight of each ticker and CASH after each day’s trades (7 significant digits) */
            weights: {
                [key: string]: number[];
            };
        };
        SimulationSummaryDto: {
            cagr: number | null;
            /** @description the command in canonical form (display and de-duplication) */
            canonical: string;
            /** @example AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01 */
            command: string;
            createdAt: string;
            /** @example 2023-01-01 */
            endDate: string;
            /** @description why it failed, in words a person can act on */
            failureReason: string | null;
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            maxDrawdown: number | null;
            /** @description positions, dates and options as parsed at submission */
            parsedCommand: components["schemas"]["ParsedCommandDto"];
            progress: components["schemas"]["SimulationProgressDto"];
            sharpe: number | null;
            /** @example 2020-01-01 */
            startDate: string;
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            /**
             * @example [
             *       "AAPL",
             *       "MSFT"
             *     ]
             */
            tickers: string[];
            totalReturn: number | null;
        };
        SimulationWarningDto: {
            askedEnd: string;
            askedStart: string;
            /**
             * @description PERIOD_STARTS_LATER / PERIOD_ENDS_EARLIER: the prices do not cover the asked period; PRICES_END_EARLY: a ticker's last price is held to the end; DEPLETED: the value reached zero; NOTE: a plain-text warning of a result stored before warnings had codes
             * @enum {string}
             */
            code: "PERIOD_STARTS_LATER" | "PERIOD_ENDS_EARLIER" | "PRICES_END_EARLY" | "DEPLETED" | "NOTE";
            /** @description the day it is about: where the prices start or stop, or the depletion day */
            date: string;
            /** @description the same in words */
            message: string;
            simulatedEnd: string;
            simulatedStart: string;
            /** @description the ticker that limited the period, or null */
            ticker: string | null;
        };
        SplitDto: {
            /** @example 2020-08-31 */
            date: string;
            /**
             * @description new shares per old share
             * @example 4
             */
            ratio: number;
        };
        StudyAcceptedDto: {
            candidateCount: number;
            /** @description jobs the study is cut into; any worker takes any of them */
            chunkCount: number;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            /** Format: uuid */
            studyId: string;
        };
        StudyBestDto: {
            maxCagr: components["schemas"]["StudyPortfolioDto"] | null;
            maxSharpe: components["schemas"]["StudyPortfolioDto"] | null;
            minDrawdown: components["schemas"]["StudyPortfolioDto"] | null;
            minVolatility: components["schemas"]["StudyPortfolioDto"] | null;
        };
        StudyConstraintsDto: {
            /** @description allow negative (short) weights; false when absent */
            allowShorts?: boolean | null;
            /** @description bounds per ticker, e.g. { "KO": { "maxPercent": 30 } } */
            bounds?: {
                [key: string]: components["schemas"]["StudyWeightBoundsDto"];
            } | null;
            /** @description bounds of every ticker not in bounds */
            defaultBounds?: components["schemas"]["StudyWeightBoundsDto"] | null;
            /** @description at most K non-zero weights */
            maxHoldings?: number | null;
        };
        StudyDensityDto: {
            cagr: components["schemas"]["StudyRangeDto"];
            columns: number;
            /** @description counts[row × columns + column] (rows: CAGR, columns: volatility) */
            counts: number[];
            rows: number;
            total: number;
            volatility: components["schemas"]["StudyRangeDto"];
        };
        StudyDetailDto: {
            candidateCount: number;
            chunkCount: number;
            /** Format: date-time */
            createdAt: string;
            /** @description why it failed, in words a person can act on */
            failureReason: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            progress: components["schemas"]["StudyProgressDto"];
            /** @description the request as accepted */
            request: components["schemas"]["StudyRequestDto"];
            /** @description once completed (the scatter: /scatter) */
            result: components["schemas"]["StudyResultDto"] | null;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
        };
        StudyHistogramDto: {
            above: number;
            below: number;
            counts: number[];
            lower: number;
            upper: number;
        };
        StudyMetricStatisticsDto: {
            count: number;
            histogram: components["schemas"]["StudyHistogramDto"];
            max: number | null;
            mean: number | null;
            min: number | null;
            /** @description the 5th, 25th, 50th, 75th and 95th percentiles */
            percentiles: (number | null)[];
        };
        StudyObjectivesDto: {
            /** @description maxCagr: no deeper drawdown than this % */
            maxDrawdownPercent?: number | null;
            /** @description minDrawdown: a CAGR of at least this % */
            targetCagrPercent?: number | null;
        };
        StudyOptionsDto: {
            /**
             * @description benchmark=: a ticker
             * @example ^GSPC
             */
            benchmark?: string | null;
            /**
             * @description capital=: money invested on the first day
             * @example 100000
             */
            capital?: (string | number) | null;
            /**
             * @description contribute=: AMOUNT/month|quarter|year
             * @example 1000/month
             */
            contribute?: string | null;
            /**
             * @description fee=: percent of traded value (a number is percent)
             * @example 0.1%
             */
            fee?: (string | number) | null;
            /**
             * @description rebalance=: none, daily … yearly, band:N%
             * @example monthly
             */
            rebalance?: string | null;
            /**
             * @description rf=: annual risk-free rate for Sharpe and Sortino (a number is percent)
             * @example 2%
             */
            rf?: (string | number) | null;
        };
        StudyPageDto: {
            items: components["schemas"]["StudySummaryDto"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            size: number;
            /** @description studies over all pages */
            total: number;
        };
        StudyPortfolioDto: {
            /** @description the portfolio as a canonical command: open it in the workspace */
            command: string;
            /** @description candidate index; null for a reference portfolio */
            index: number | null;
            summary: components["schemas"]["StudySummaryMetricsDto"];
            /** @description signed weights as fractions, in the study’s ticker order */
            weights: number[];
        };
        StudyProgressDto: {
            candidatesEvaluated: number;
            chunksDone: number;
            chunksTotal: number;
            percent: number;
            phase: string | null;
        };
        StudyRangeDto: {
            lower: number;
            upper: number;
        };
        StudyReferencesDto: {
            equalWeight: components["schemas"]["StudyPortfolioDto"];
            inverseVolatility: components["schemas"]["StudyPortfolioDto"] | null;
            riskParity: components["schemas"]["StudyPortfolioDto"] | null;
        };
        StudyRequestDto: {
            /** @description sampled portfolios, 1 to 1,000,000 (not for grid) */
            candidates?: number | null;
            /** @description Dirichlet α, 0.01 to 1000 (dirichlet, both) */
            concentration?: number | null;
            constraints?: components["schemas"]["StudyConstraintsDto"] | null;
            /** @example 2022-12-31 */
            end: string;
            /** @description grid step in percent (grid, both), e.g. 5 */
            gridStepPercent?: number | null;
            /**
             * @description random when absent
             * @enum {string|null}
             */
            method?: "random" | "dirichlet" | "grid" | "both" | null;
            objectives?: components["schemas"]["StudyObjectivesDto"] | null;
            /** @description a command’s options, as written in a command */
            options?: components["schemas"]["StudyOptionsDto"] | null;
            /** @description 0 when absent */
            seed?: number | null;
            /** @example 2010-01-01 */
            start: string;
            /**
             * @description 2 to 50 tickers
             * @example [
             *       "AAPL",
             *       "KO",
             *       "XOM"
             *     ]
             */
            tickers: string[];
            /** @description portfolios kept per objective, 1 to 100; 10 when absent */
            topN?: number | null;
        };
        StudyResultDto: {
            best: components["schemas"]["StudyBestDto"];
            /** @description trading days simulated */
            days: number;
            density: components["schemas"]["StudyDensityDto"];
            /** @description drawdown depth against CAGR, depth ascending */
            drawdownFrontier: components["schemas"]["StudyPortfolioDto"][];
            /** @example 2010-01-04 */
            firstDate: string;
            /** @description volatility against CAGR, volatility ascending */
            frontier: components["schemas"]["StudyPortfolioDto"][];
            /** @example 2022-12-28 */
            lastDate: string;
            references: components["schemas"]["StudyReferencesDto"] | null;
            statistics: components["schemas"]["StudyStatisticsDto"];
            tickers: string[];
            top: components["schemas"]["StudyTopDto"];
            /** @description candidates with a finite CAGR, volatility and max drawdown */
            valid: number;
        };
        StudyScatterDto: {
            /**
             * Format: byte
             * @description base64 of little-endian Float32 CAGRs
             */
            cagr: string;
            /** @description points */
            count: number;
            /**
             * Format: byte
             * @description base64 of little-endian Int32 candidate indexes
             */
            index: string;
            /**
             * Format: byte
             * @description base64 of little-endian Float32 max drawdowns (≤ 0)
             */
            maxDrawdown: string;
            /**
             * Format: byte
             * @description base64 of little-endian Float32 Sharpe ratios
             */
            sharpe: string;
            /** @description every stride-th candidate index (1: all of them) */
            stride: number;
            /**
             * Format: byte
             * @description base64 of little-endian Float32 annual volatilities
             */
            volatility: string;
        };
        StudyStatisticsDto: {
            cagr: components["schemas"]["StudyMetricStatisticsDto"];
            calmar: components["schemas"]["StudyMetricStatisticsDto"];
            maxDrawdown: components["schemas"]["StudyMetricStatisticsDto"];
            sharpe: components["schemas"]["StudyMetricStatisticsDto"];
            sortino: components["schemas"]["StudyMetricStatisticsDto"];
            volatility: components["schemas"]["StudyMetricStatisticsDto"];
        };
        StudySummaryDto: {
            candidateCount: number;
            chunkCount: number;
            /** Format: date-time */
            createdAt: string;
            /** @description why it failed, in words a person can act on */
            failureReason: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            progress: components["schemas"]["StudyProgressDto"];
            /** @description the request as accepted */
            request: components["schemas"]["StudyRequestDto"];
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
        };
        StudySummaryMetricsDto: {
            cagr: number | null;
            calmar: number | null;
            finalNav: number | null;
            maxDrawdown: number | null;
            sharpe: number | null;
            sortino: number | null;
            totalReturn: number | null;
            volatility: number | null;
        };
        StudyTopDto: {
            maxCagr: components["schemas"]["StudyPortfolioDto"][];
            maxSharpe: components["schemas"]["StudyPortfolioDto"][];
            minDrawdown: components["schemas"]["StudyPortfolioDto"][];
            minVolatility: components["schemas"]["StudyPortfolioDto"][];
        };
        StudyWeightBoundsDto: {
            /**
             * @description signed percent, whole hundredths
             * @example 40
             */
            maxPercent?: number | null;
            /**
             * @description signed percent (−30: at most 30 % short), whole hundredths
             * @example 0
             */
            minPercent?: number | null;
        };
        SustainableWithdrawalDto: {
            /** @description success90 per year as a fraction of the initial value */
            annualRate90: number;
            /** @description success95 per year as a fraction of the initial value */
            annualRate95: number;
            inflationIndexed: boolean;
            /** @enum {string} */
            period: "month" | "quarter" | "year";
            /** @description highest withdrawal per period that lasts in 90 % of paths */
            success90: number;
            /** @description highest withdrawal per period that lasts in 95 % of paths */
            success95: number;
        };
        SyntheticTickerDto: {
            base: string;
            /** @description the base rate of the financing (the cash= rate as written), or null when nothing is financed */
            baseRate: string | null;
            /** @description expense ratio E, percent a year */
            expensePercent: number;
            /** @description FB= as written, or null */
            fallback: string | null;
            /** @description daily-reset leverage L */
            leverage: number;
            /** @description which series gave the prices from which date, oldest first */
            sources: components["schemas"]["SeriesSourceDto"][];
            /** @description financing spread SP, percent a year */
            spreadPercent: number;
            /** @description as the command writes it (canonical), e.g. SPY?L=2 */
            ticker: string;
        };
        TickerCheckDto: {
            /**
             * @description why it cannot be priced, naming every source tried (null when known)
             * @example no configured source can price TSLA right now (tried yahoo: unreachable moments ago (retry in 262 s); sample: does not have TSLA); the offline sample holds 20 tickers: AAPL, AMD, …
             */
            message: string | null;
            /**
             * @description known tickers closest in spelling (up to 3)
             * @example [
             *       "TSL"
             *     ]
             */
            nearest: string[];
            /**
             * @description the source that would serve it
             * @example sample
             */
            source: string | null;
            /**
             * @description known: a source can price it; unknown: every configured source said it does not have it; unverified: none has it and one could not answer now (unreachable); invalid: not a ticker
             * @enum {string}
             */
            status: "known" | "unknown" | "unverified" | "invalid";
            /** @example TSLA */
            ticker: string;
        };
        TradeDto: {
            date: string;
            fee: number;
            price: number;
            /**
             * @description why the trade happened; null for results stored before reasons were kept
             * @enum {string|null}
             */
            reason: "initial" | "rebalance" | "band" | "contribution" | "withdrawal" | "depletion" | null;
            /** @description signed: positive buys */
            shares: number;
            ticker: string;
            /** @description shares × price */
            value: number;
        };
        UploadResultDto: {
            /** @description first and last day of your series after the upload */
            available: components["schemas"]["DateRangeDto"];
            /**
             * @description rows stored (new or replaced)
             * @example 250
             */
            rows: number;
            /** @enum {string} */
            source: "upload";
            /** @example MYFUND */
            ticker: string;
        };
        UserResponse: {
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.000Z
             */
            createdAt: string;
            /** @example Ada Lovelace */
            displayName: string | null;
            /** @example ada@example.com */
            email: string;
            /** @description an identity provider (Google) vouched for the address */
            emailVerified: boolean;
            /** @description a Google account is linked */
            googleLinked: boolean;
            /** @description the account can sign in with a password */
            hasPassword: boolean;
            /** @example 1b4e28ba-2fa1-41d2-883f-0016d3cca427 */
            id: string;
        };
        ValueBandDto: {
            percentile: number;
            /** @description value at month 0 … 12 × years */
            values: number[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    MarketDataController_search: {
        parameters: {
            query: {
                /** @description most results to return */
                limit?: number;
                /** @description ticker or name fragment */
                query: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetSearchResultDto"][];
                };
            };
            /** @description invalid ticker, date or query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an access token was sent and is not valid (reading needs none; a valid one adds your uploads) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description every source that could serve the ticker is down; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MarketDataController_asset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ticker as Yahoo writes it (^GSPC, BRK-B, 7203.T); letters in any case */
                ticker: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetResponseDto"];
                };
            };
            /** @description invalid ticker, date or query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an access token was sent and is not valid (reading needs none; a valid one adds your uploads) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no source knows the ticker */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description every source that could serve the ticker is down; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MarketDataController_prices: {
        parameters: {
            query?: {
                /** @description last day, inclusive (default today) */
                end?: string;
                /** @description json (columns), csv (date,close,adj_close: the upload format) or binary (application/octet-stream: day numbers and adjusted closes, docs/market-data.md "Binary prices") */
                format?: "json" | "csv" | "binary";
                /** @description first day, inclusive (default 1970-01-01) */
                start?: string;
            };
            header?: never;
            path: {
                /** @description ticker as Yahoo writes it (^GSPC, BRK-B, 7203.T); letters in any case */
                ticker: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON columns; with ?format=csv: date,close,adj_close; with ?format=binary: the binary series */
            200: {
                headers: {
                    /** @description format=binary: how long it may be kept */
                    "Cache-Control"?: string;
                    /** @description format=binary: the content of the answer */
                    ETag?: string;
                    /** @description the source that served the series */
                    "X-Price-Source"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceSeriesResponseDto"];
                    "application/octet-stream": string;
                    "text/csv": string;
                };
            };
            /** @description format=binary: the If-None-Match header holds the answer's ETag */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid ticker, date or query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description an access token was sent and is not valid (reading needs none; a valid one adds your uploads) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no source knows the ticker */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no prices in the range; details give the available range */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description every source that could serve the ticker is down; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MarketDataController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ticker as Yahoo writes it (^GSPC, BRK-B, 7203.T); letters in any case */
                ticker: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadResultDto"];
                };
            };
            /** @description invalid ticker, date or query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description no or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over the size limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description the body is not text/csv */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description every source that could serve the ticker is down; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    GoogleAuthController_callback: {
        parameters: {
            query?: {
                code?: unknown;
                state?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description signed in (Accept: application/json) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthTokensResponse"];
                };
            };
            /** @description signed in: redirect to /app with the portofino_refresh cookie */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description GOOGLE_SIGN_IN_FAILED: cancelled or code refused */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description OAUTH_STATE_INVALID or GOOGLE_EMAIL_NOT_VERIFIED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description GOOGLE_SIGN_IN_DISABLED: no GOOGLE_CLIENT_ID configured */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description GOOGLE_SIGN_IN_FAILED: Google could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    GoogleAuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description redirect to Google's authorization endpoint */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description GOOGLE_SIGN_IN_DISABLED: no GOOGLE_CLIENT_ID configured */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description signed in; the refresh token is also set as a cookie */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthTokensResponse"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description INVALID_CREDENTIALS (same answer for unknown emails) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over the size limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not in the media type (or the charset, UTF-8) this route reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description TOO_MANY_REQUESTS: a sign-in rate limit is spent (AUTH_THROTTLE_*); Retry-After says when to retry */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description signed out (also when the token was already revoked or unknown) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description REFRESH_TOKEN_MISSING */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over the size limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not in the media type (or the charset, UTF-8) this route reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED or ACCESS_TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AccountController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DeleteAccountRequest"];
            };
        };
        responses: {
            /** @description deleted; the refresh cookie is cleared and the access token is refused */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description INVALID_CREDENTIALS (wrong password), or the access token is missing, invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description FRESH_SIGN_IN_REQUIRED: no password and an old sign-in */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over the size limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not in the media type (or the charset, UTF-8) this route reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_passwordPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordPolicyResponse"];
                };
            };
        };
    };
    AuthController_providers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthProvidersResponse"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthTokensResponse"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description REFRESH_TOKEN_MISSING, REFRESH_TOKEN_INVALID (unknown, expired, revoked) or REFRESH_TOKEN_REUSED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over the size limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not in the media type (or the charset, UTF-8) this route reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description TOO_MANY_REQUESTS: a sign-in rate limit is spent (AUTH_THROTTLE_*); Retry-After says when to retry */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description signed in; the refresh token is also set as a cookie */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthTokensResponse"];
                };
            };
            /** @description VALIDATION_FAILED, or PASSWORD_TOO_WEAK listing each rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description EMAIL_ALREADY_REGISTERED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over the size limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not in the media type (or the charset, UTF-8) this route reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description TOO_MANY_REQUESTS: a sign-in rate limit is spent (AUTH_THROTTLE_*); Retry-After says when to retry */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ComparisonController_list: {
        parameters: {
            query?: {
                page?: number;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComparisonPageDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ComparisonController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComparisonRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComparisonAcceptedDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_NOT_FOUND: a simulationId unknown or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over the size limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not in the media type (or the charset, UTF-8) this route reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description INVALID_COMPARISON: details holds each error located (member index, line, column, code, hint) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ComparisonController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComparisonDetailDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description unknown id, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ComparisonController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description unknown id, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ComparisonController_rerun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComparisonAcceptedDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description unknown id, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ComparisonSharingController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareLinkListDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description COMPARISON_NOT_FOUND: unknown, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ComparisonSharingController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareLinkCreatedDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description COMPARISON_NOT_FOUND: unknown, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description COMPARISON_NOT_COMPLETED: queued, running or failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ComparisonSharingController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description the link’s token, or its id (as GET lists it) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description COMPARISON_NOT_FOUND (unknown, or another user’s) or SHARE_LINK_NOT_FOUND (no such active link) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ComparisonReportController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the workbook, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description COMPARISON_NOT_FOUND: unknown, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description COMPARISON_NOT_COMPLETED: queued, running or failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description all dependencies up
             *
             *     The Health Check is successful
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example ok */
                        status?: string;
                    };
                };
            };
            /**
             * @description a dependency is down: ErrorResponse with code NOT_READY, details list every dependency
             *
             *     The Health Check is not successful
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example error */
                        status?: string;
                    };
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    HistoryController_list: {
        parameters: {
            query?: {
                /** @description submitted on or after this day (UTC); empty: no bound */
                from?: string;
                order?: "asc" | "desc";
                page?: number;
                size?: number;
                sort?: "createdAt" | "cagr" | "sharpe" | "maxDrawdown" | "totalReturn";
                status?: "queued" | "running" | "completed" | "failed";
                /** @description only simulations holding this ticker (or using it as benchmark), plain or synthetic (SPY?L=2, in any spelling); a plain ticker also finds the synthetic ones built from it; letters in any case */
                ticker?: string;
                /** @description submitted on or before this day (UTC); empty: no bound */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryPageDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    HistoryController_get: {
        parameters: {
            query?: {
                /** @description only drawdown episodes deeper than this fraction (0.1: deeper than −10 %); without it the ten deepest are listed */
                drawdownDeeperThan?: number;
                /** @description at most this many drawdown episodes, deepest first: default 10, or 100 with drawdownDeeperThan */
                drawdownLimit?: number;
                /** @description rolling window in trading days: 126 ≈ 6 months, 252 ≈ 12 months, 756 ≈ 36 months, or any length */
                rollingWindow?: number;
                /** @description at most this many trades (the first ones) in `trades`; all when absent. A daily-rebalanced portfolio of many assets over decades makes hundreds of thousands; `tradeCount` always says how many there are. */
                trades?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulationDetailDto"];
                };
            };
            /** @description VALIDATION_FAILED: an analysis option out of range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description unknown id, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    HistoryController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    HistoryController_analysis: {
        parameters: {
            query?: {
                /** @description only drawdown episodes deeper than this fraction (0.1: deeper than −10 %); without it the ten deepest are listed */
                drawdownDeeperThan?: number;
                /** @description at most this many drawdown episodes, deepest first: default 10, or 100 with drawdownDeeperThan */
                drawdownLimit?: number;
                /** @description rolling window in trading days: 126 ≈ 6 months, 252 ≈ 12 months, 756 ≈ 36 months, or any length */
                rollingWindow?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulationAnalysisDto"];
                };
            };
            /** @description VALIDATION_FAILED: an analysis option out of range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description unknown id, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_NOT_COMPLETED: queued, running or failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ProjectionController_request: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ProjectionRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectionAcceptedDto"];
                };
            };
            /** @description VALIDATION_FAILED: details name the option */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_NOT_FOUND: unknown, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_NOT_COMPLETED: still queued or running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over the size limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not in the media type (or the charset, UTF-8) this route reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_FAILED, or INSUFFICIENT_HISTORY: fewer than 12 complete months */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SimulationController_rerun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulationAcceptedDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SharingController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareLinkListDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_NOT_FOUND: unknown, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SharingController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareLinkCreatedDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_NOT_FOUND: unknown, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_NOT_COMPLETED: queued, running or failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SharingController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description the link’s token, or its id (as GET lists it) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_NOT_FOUND (unknown, or another user’s) or SHARE_LINK_NOT_FOUND (no such active link) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    TearsheetController_tearsheet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the tearsheet, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_NOT_FOUND: unknown, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_NOT_COMPLETED: still queued or running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_FAILED: nothing to show */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PublicPrometheusController_index: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProjectionController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectionDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PROJECTION_NOT_FOUND: unknown id, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ProjectionController_workbook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the workbook, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PROJECTION_NOT_FOUND: unknown id, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PROJECTION_NOT_COMPLETED: queued, running or failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ReportController_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportAcceptedDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_NOT_FOUND: unknown, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_NOT_COMPLETED: still queued or running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over the size limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not in the media type (or the charset, UTF-8) this route reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SIMULATION_FAILED: nothing to report */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ReportController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description unknown id, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ReportController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the workbook, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description unknown id, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description REPORT_NOT_READY: queued, running or failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SharedController_read: {
        parameters: {
            query?: {
                /** @description only drawdown episodes deeper than this fraction (0.1: deeper than −10 %); without it the ten deepest are listed */
                drawdownDeeperThan?: number;
                /** @description at most this many drawdown episodes, deepest first: default 10, or 100 with drawdownDeeperThan */
                drawdownLimit?: number;
                /** @description rolling window in trading days: 126 ≈ 6 months, 252 ≈ 12 months, 756 ≈ 36 months, or any length */
                rollingWindow?: number;
                /** @description at most this many trades (the first ones) in `trades`; all when absent. A daily-rebalanced portfolio of many assets over decades makes hundreds of thousands; `tradeCount` always says how many there are. */
                trades?: number;
            };
            header?: never;
            path: {
                /** @description the share link’s token (43 characters of base64url) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SharedSimulationDto"] | components["schemas"]["SharedComparisonDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SHARE_LINK_NOT_FOUND: no such link, revoked, or the result or its account deleted */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description TOO_MANY_REQUESTS: SHARED_THROTTLE_LIMIT per SHARED_THROTTLE_TTL_SECONDS per address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SharedController_analysis: {
        parameters: {
            query?: {
                /** @description only drawdown episodes deeper than this fraction (0.1: deeper than −10 %); without it the ten deepest are listed */
                drawdownDeeperThan?: number;
                /** @description at most this many drawdown episodes, deepest first: default 10, or 100 with drawdownDeeperThan */
                drawdownLimit?: number;
                /** @description rolling window in trading days: 126 ≈ 6 months, 252 ≈ 12 months, 756 ≈ 36 months, or any length */
                rollingWindow?: number;
            };
            header?: never;
            path: {
                /** @description the share link’s token (43 characters of base64url) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulationAnalysisDto"];
                };
            };
            /** @description VALIDATION_FAILED: an analysis option out of range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SHARE_LINK_NOT_FOUND: no such link, revoked, or the result or its account deleted */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description TOO_MANY_REQUESTS: SHARED_THROTTLE_LIMIT per SHARED_THROTTLE_TTL_SECONDS per address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SharedController_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the share link’s token (43 characters of base64url) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the workbook, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SHARE_LINK_NOT_FOUND: no such link, revoked, or the result or its account deleted */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description REPORT_NOT_READY: being built; see Retry-After */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description TOO_MANY_REQUESTS: SHARED_THROTTLE_LIMIT per SHARED_THROTTLE_TTL_SECONDS per address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SharedController_tearsheet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the share link’s token (43 characters of base64url) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the tearsheet, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description SHARE_LINK_NOT_FOUND: no such link, revoked, or the result or its account deleted */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description TOO_MANY_REQUESTS: SHARED_THROTTLE_LIMIT per SHARED_THROTTLE_TTL_SECONDS per address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SimulationController_simulate: {
        parameters: {
            query?: never;
            header?: {
                /** @description retrying with the same key returns the same simulation instead of a second one (trimmed; its first 200 characters count) */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulateRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulationAcceptedDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over the size limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not in the media type (or the charset, UTF-8) this route reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description INVALID_COMMAND: details list every error with token, column, expected and hint */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    StudyController_list: {
        parameters: {
            query?: {
                page?: number;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudyPageDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    StudyController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StudyRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudyAcceptedDto"];
                };
            };
            /** @description VALIDATION_FAILED: a field of the wrong type */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over the size limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not in the media type (or the charset, UTF-8) this route reads */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description INVALID_STUDY: details holds every problem located, each { field, code, message } */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    StudyController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudyDetailDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description unknown id, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    StudyController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description unknown id, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    StudyController_scatter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudyScatterDto"];
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description unknown id, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description STUDY_NOT_COMPLETED: queued, running or failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    StudyController_workbook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the workbook, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields in an object or 10,000 values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid access token of an existing account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description unknown id, or another user’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description STUDY_NOT_COMPLETED: queued, running or failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the Retry-After header (seconds). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    TickersController_check: {
        parameters: {
            query: {
                /** @description tickers to check, comma-separated (at most 50) */
                tickers: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TickerCheckDto"][];
                };
            };
            /** @description no tickers, or more than 50 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
