// Generated from docs/openapi.json by `npm run openapi`: do not edit.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            uptimeSeconds: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                            database: string;
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload an image
         * @description multipart/form-data with one file: a JPEG, PNG, WebP, AVIF or GIF, recognized by its content (415 otherwise, or when its declared type or name says something else), at most MAX_UPLOAD_MB (413) and IMAGE_MAX_PIXELS (413). Answers the file with the URLs of every size.
         *
         *     Needs a signed-in user (any role).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Any unique value (a UUID) of at most 255 visible ASCII characters. Sending the same request again with the same key within 24 hours answers it as the first time, without creating a second one (Idempotent-Replayed: true); the same key with another request is refused with 422. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description One image: JPEG, PNG, WebP, AVIF or GIF (required).
                         */
                        file?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Image"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A file's metadata and URLs
         * @description For its uploader, editors and admins (404 for anyone else, so that ids cannot be walked to list uploads). Public images show in the movie, person and user reads that use them.
         *
         *     Needs a signed-in user (any role).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Image"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a file
         * @description Its uploader or an admin; refused (409) while a poster, avatar or photo uses it.
         *
         *     Needs a signed-in user (any role).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/countries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List countries
         * @description Every ISO 3166-1 country and any an admin added, ordered by name.
         */
        get: {
            parameters: {
                query: {
                    /** @description Page number, from 1. */
                    page: number;
                    /** @description Items per page, at most 100. */
                    pageSize: number;
                    /** @description Part of the name (case and accents ignored) or the exact ISO code. */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Country"][];
                            /** @description How many items match, over all pages. */
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a country
         * @description Needs an admin.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Any unique value (a UUID) of at most 255 visible ASCII characters. Sending the same request again with the same key within 24 hours answers it as the first time, without creating a second one (Idempotent-Replayed: true); the same key with another request is refused with 422. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 3166-1 alpha-2 code (kept in capitals). */
                        code: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Country"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/countries/{id}": {
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
         * Delete a country
         * @description Refused (409) while a movie or a person names it.
         *
         *     Needs an admin.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a country
         * @description Needs an admin.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 3166-1 alpha-2 code (kept in capitals). */
                        code?: string;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Country"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/genres": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List genres
         * @description TMDB's movie genres and any an editor added, ordered by name.
         */
        get: {
            parameters: {
                query: {
                    /** @description Page number, from 1. */
                    page: number;
                    /** @description Items per page, at most 100. */
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Genre"][];
                            /** @description How many items match, over all pages. */
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a genre
         * @description Needs an editor or an admin.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Any unique value (a UUID) of at most 255 visible ASCII characters. Sending the same request again with the same key within 24 hours answers it as the first time, without creating a second one (Idempotent-Replayed: true); the same key with another request is refused with 422. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Unique without regard to case; not only digits; no "," or "|". */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Genre"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/genres/{id}": {
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
         * Delete a genre
         * @description The genre leaves every movie it was on.
         *
         *     Needs an editor or an admin.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename a genre
         * @description Needs an editor or an admin.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Unique without regard to case; not only digits; no "," or "|". */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Genre"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/languages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List spoken languages
         * @description Every language a movie may be spoken in, by English name: the ISO 639-1 codes, the withdrawn sh, and TMDB's own cn (Cantonese) and xx (No Language). The codes GET /movies?language= and a movie's languageCodes take.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List crew departments
         * @description TMDB's twelve crew departments, by id (Directing first): the departmentId a crew credit takes.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keywords": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find keywords
         * @description Keywords whose name contains `q` (without regard to case): those beginning with it first, then the most used (moviesCount), then by name. Without `q`, the most used. Movies by keyword: GET /movies?keyword=id.
         */
        get: {
            parameters: {
                query: {
                    /** @description Part of the name, anywhere in it, without regard to case. Names that begin with it come first. */
                    q?: string;
                    /** @description How many to answer, at most 100. */
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Keyword"][];
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a keyword
         * @description Refused (409) when a keyword of the same name, without regard to case, exists.
         *
         *     Needs an editor or an admin.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Any unique value (a UUID) of at most 255 visible ASCII characters. Sending the same request again with the same key within 24 hours answers it as the first time, without creating a second one (Idempotent-Replayed: true); the same key with another request is refused with 422. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Unique without regard to case; kept without surrounding spaces. */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Keyword"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keywords/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One keyword */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Keyword"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find production companies
         * @description Companies whose name contains `q` (without regard to case): those beginning with it first, then those with the most movies (moviesCount), then by name. Without `q`, those with the most movies. Movies by company: GET /movies?company=id.
         */
        get: {
            parameters: {
                query: {
                    /** @description Part of the name, anywhere in it, without regard to case. Names that begin with it come first. */
                    q?: string;
                    /** @description How many to answer, at most 100. */
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Company"][];
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a production company
         * @description An unknown originCountryId is refused (422).
         *
         *     Needs an editor or an admin.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Any unique value (a UUID) of at most 255 visible ASCII characters. Sending the same request again with the same key within 24 hours answers it as the first time, without creating a second one (Idempotent-Replayed: true); the same key with another request is refused with 422. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Kept without surrounding spaces; several companies may share a name (TMDB has such). */
                        name: string;
                        originCountryId?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompanyDetails"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One production company, with its most popular movies */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompanyDetails"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/movies/{id}/characters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A movie's characters, in credits order */
        get: {
            parameters: {
                query: {
                    /** @description Page number, from 1. */
                    page: number;
                    /** @description Items per page, at most 100. */
                    pageSize: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Character"][];
                            /** @description How many items match, over all pages. */
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace a movie's cast
         * @description Makes the movie's characters exactly the list, in one transaction: kept, changed, added and deleted at once, in credits order (at most 1000). Any refusal (404, 422 naming characters.<index>.<field>) changes nothing. Answers the cast as it now is.
         *
         *     Needs an editor or an admin.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The whole cast in credits order: the place in the list becomes billingOrder (0 first). A row with an id keeps that character of this movie (fields left out stay as they are); a row without one adds a character (name and role required); characters of the movie not listed are deleted. A new actorId replaces the principal performer, who leaves the performers; others who played the character stay. */
                        characters: {
                            id?: number;
                            name?: string;
                            description?: string | null;
                            /** @enum {unknown} */
                            role?: "leading" | "supporting" | "background";
                            actorId?: number | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Character"][];
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Add a character to a movie
         * @description The actor, when given, must exist (422) and becomes the first performer.
         *
         *     Needs an editor or an admin.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Any unique value (a UUID) of at most 255 visible ASCII characters. Sending the same request again with the same key within 24 hours answers it as the first time, without creating a second one (Idempotent-Replayed: true); the same key with another request is refused with 422. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string | null;
                        /** @enum {unknown} */
                        role: "leading" | "supporting" | "background";
                        actorId?: number | null;
                        billingOrder?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Character"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/characters/{id}": {
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
         * Delete a character
         * @description Needs an editor or an admin.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a character
         * @description A new actorId joins the performers; the former principal stays listed until PUT /characters/{id}/actors drops it.
         *
         *     Needs an editor or an admin.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string | null;
                        /** @enum {unknown} */
                        role?: "leading" | "supporting" | "background";
                        actorId?: number | null;
                        billingOrder?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Character"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/characters/{id}/actors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set everyone who played a character
         * @description Replaces the performers. The principal actor must be among them (422 otherwise); with no principal yet, the first listed becomes it.
         *
         *     Needs an editor or an admin.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Everyone who played the character; it must include the principal actor, if there is one. */
                        actorIds: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Character"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/movies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find movies
         * @description Filters combine (all must hold). Lists of ids or names take `,` for "all of them" and `|` for "any of them". Unknown genre names or country codes get 422; `job` needs `crew`.
         */
        get: {
            parameters: {
                query: {
                    /** @description Page number, from 1 (default). Deep pages: use `cursor`. */
                    page?: number;
                    /** @description Items per page, at most 100. */
                    pageSize: number;
                    /** @description The previous answer's `nextCursor`: the page after it. Send the same filters and sort with it (else 400); not with `page`. */
                    cursor?: string;
                    /** @description true: the answer also says how many items match over all pages (`total`). Off by default: in a big catalogue, counting every match costs more than the page. */
                    includeTotal?: boolean;
                    /** @description Genre ids or names: `Action,Drama` all of them, `Action|Drama` any of them. */
                    genre?: string;
                    /** @description None of these genres (ids or names). */
                    withoutGenre?: string;
                    /** @description The main country (`country`, the first production country): its id or ISO 3166-1 code. */
                    country?: string;
                    /** @description Any of the production countries (`countries`): its id or ISO 3166-1 code. */
                    productionCountry?: string;
                    director?: number;
                    /** @description Person ids: `1,2` all of them, `1|2` any of them. */
                    cast?: string;
                    /** @description YYYY-MM-DD */
                    releasedFrom?: string;
                    /** @description YYYY-MM-DD */
                    releasedTo?: string;
                    /** @description Released in the last N years, up to today. */
                    releasedWithinYears?: number;
                    /** @description Minutes. */
                    minDuration?: number;
                    /** @description Minutes. */
                    maxDuration?: number;
                    minBudget?: number;
                    maxBudget?: number;
                    minRevenue?: number;
                    maxRevenue?: number;
                    /** @description At least this many votes. */
                    minVoteCount?: number;
                    minVoteAverage?: number;
                    maxVoteAverage?: number;
                    /** @description Where the movie stands (TMDB: Rumored ... Canceled). */
                    status?: "rumored" | "planned" | "in_production" | "post_production" | "released" | "canceled";
                    /** @description The original language: an ISO 639-1 code, lower case. */
                    originalLanguage?: string;
                    tmdbId?: number;
                    /** @description Keyword ids: `1,2` all of them, `1|2` any of them. */
                    keyword?: string;
                    /** @description Company ids: `1,2` all of them, `1|2` any of them. */
                    company?: string;
                    /** @description Spoken languages (ISO 639-1 codes, lower case): `en,fr` all of them, `en|fr` any of them. */
                    language?: string;
                    /** @description Person (crew credits) ids: `1,2` all of them, `1|2` any of them. */
                    crew?: string;
                    /** @description Only with `crew`: the crew credit must be this job (exact, e.g. Director). */
                    job?: string;
                    /** @description Up to 100 movie ids, comma-separated. */
                    ids?: string;
                    /** @description Words of the title, as GET /search matches them: case and accents ignored, the last word also as a prefix, a misspelt word corrected. */
                    q?: string;
                    /** @description A field, ascending, or with `-` descending; ties go by id. Popularity is TMDB's popularity score where the movie has one, else the number of favorites, votes breaking ties between equal favorites. voteAverage ranks movies with at least 50 votes; the others come last, as movies without a value do. Default: `relevance` with `q` (the score of GET /search: the kind of match, then how well known the movie is), else `-popularity`. A `q` so common that it matches over 20,000 movies lists only its best candidates by relevance (at most 3,000: whole-title matches, the 1,000 best-known title-beginning matches and of all matches); a field sort lists every match. */
                    sort?: "title" | "-title" | "releaseDate" | "-releaseDate" | "budget" | "-budget" | "duration" | "-duration" | "popularity" | "-popularity" | "createdAt" | "-createdAt" | "voteAverage" | "-voteAverage" | "voteCount" | "-voteCount" | "revenue" | "-revenue" | "relevance";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["MovieSummary"][];
                            /** @description Pass as `cursor` for the next page; null on the last page. */
                            nextCursor: string | null;
                            /** @description How many items match, over all pages: with includeTotal=true. */
                            total?: number;
                            /** @description Offset pages only. */
                            page?: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a movie
         * @description Referenced director, countries, genres, languages, keywords and companies must exist (422 naming the field); nothing is written otherwise. A director gets a Directing / Director crew credit.
         *
         *     Needs an editor or an admin.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Any unique value (a UUID) of at most 255 visible ASCII characters. Sending the same request again with the same key within 24 hours answers it as the first time, without creating a second one (Idempotent-Replayed: true); the same key with another request is refused with 422. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        originalTitle?: string | null;
                        originalLanguage?: string | null;
                        tagline?: string | null;
                        certification?: string | null;
                        status?: ("rumored" | "planned" | "in_production" | "post_production" | "released" | "canceled") | null;
                        homepage?: string | null;
                        revenue?: number | null;
                        voteAverage?: number | null;
                        voteCount?: number | null;
                        popularity?: number | null;
                        description?: string | null;
                        budget?: number | null;
                        releaseDate?: string | null;
                        durationMinutes?: number | null;
                        directorId?: number | null;
                        countryId?: number | null;
                        genreIds?: number[];
                        /** @description Every production country, in order: the first is the main one (`countryId`). Replaces the list. */
                        countryIds?: number[];
                        /** @description The spoken languages, in order. Replaces the list. */
                        languageCodes?: string[];
                        /** @description Replaces the keywords. */
                        keywordIds?: number[];
                        /** @description The production companies, in order. Replaces the list. */
                        companyIds?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MovieDetails"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/movies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything about one movie
         * @description Country, director, genres, the cast in credits order with every performer, the crew by department, production countries, spoken languages, keywords, companies, and counts. One request, one SQL statement.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MovieDetails"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a movie
         * @description Its characters, crew credits, genre, country, language, keyword and company links and favorites go with it.
         *
         *     Needs an editor or an admin.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a movie
         * @description Any subset of the fields; `null` clears one. A list (`genreIds`, `countryIds`, `languageCodes`, `keywordIds`, `companyIds`), when given, replaces that list; `countryIds` sets `countryId` to its first.
         *
         *     Needs an editor or an admin.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        originalTitle?: string | null;
                        originalLanguage?: string | null;
                        tagline?: string | null;
                        certification?: string | null;
                        status?: ("rumored" | "planned" | "in_production" | "post_production" | "released" | "canceled") | null;
                        homepage?: string | null;
                        revenue?: number | null;
                        voteAverage?: number | null;
                        voteCount?: number | null;
                        popularity?: number | null;
                        description?: string | null;
                        budget?: number | null;
                        releaseDate?: string | null;
                        durationMinutes?: number | null;
                        directorId?: number | null;
                        countryId?: number | null;
                        genreIds?: number[];
                        /** @description Every production country, in order: the first is the main one (`countryId`). Replaces the list. */
                        countryIds?: number[];
                        /** @description The spoken languages, in order. Replaces the list. */
                        languageCodes?: string[];
                        /** @description Replaces the keywords. */
                        keywordIds?: number[];
                        /** @description The production companies, in order. Replaces the list. */
                        companyIds?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MovieDetails"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/movies/{id}/crew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A movie's crew
         * @description Every crew credit, by department (in id order), then job, then the person's name: the movie page's `crew`, flat.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CrewCredit"][];
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Credit a person on a movie's crew
         * @description The person and the department (GET /departments) must exist (422 naming the field); the same person, department and job twice is a 409.
         *
         *     Needs an editor or an admin.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        personId: number;
                        departmentId: number;
                        /** @description The job, as TMDB names it: Director, Screenplay, Editor... */
                        job: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CrewCredit"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/movies/{id}/crew/{creditId}": {
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
         * Remove a crew credit
         * @description 404 when the movie has no such credit. The movie keeps its directorId.
         *
         *     Needs an editor or an admin.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    creditId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/movies/{id}/poster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a movie's poster
         * @description Either upload the image (multipart/form-data, as POST /files) or name a file uploaded before ({"fileId": n}). The poster it replaces is deleted unless something else uses it.
         *
         *     Needs an editor or an admin.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description One image: JPEG, PNG, WebP, AVIF or GIF (required).
                         */
                        file?: string;
                    };
                    "application/json": {
                        fileId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MovieDetails"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Remove a movie's poster
         * @description The file is deleted unless something else uses it.
         *
         *     Needs an editor or an admin.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find people
         * @description Each with four figures: moviesActed, actingBudgetTotal, moviesDirected, directingBudgetAverage.
         */
        get: {
            parameters: {
                query: {
                    /** @description Page number, from 1 (default). Deep pages: use `cursor`. */
                    page?: number;
                    /** @description Items per page, at most 100. */
                    pageSize: number;
                    /** @description The previous answer's `nextCursor`: the page after it. Send the same filters and sort with it (else 400); not with `page`. */
                    cursor?: string;
                    /** @description true: the answer also says how many items match over all pages (`total`). Off by default: in a big catalogue, counting every match costs more than the page. */
                    includeTotal?: boolean;
                    /** @description Words of the name, as GET /search matches them: case and accents ignored, the last word also as a prefix, a misspelt word corrected. */
                    q?: string;
                    /** @description Country id or ISO 3166-1 code. */
                    country?: string;
                    gender?: "female" | "male" | "non_binary" | "unknown";
                    /** @description Only people who play in, or direct, some movie. */
                    role?: "actor" | "director";
                    tmdbId?: number;
                    /** @description Up to 100 person ids. */
                    ids?: string;
                    /** @description A field, ascending, or with `-` descending; unknown values come last, ties go by id. Default: `relevance` with `q` (the score of GET /search: the kind of match, a surname alone above a first name, then how well known the person is), else `name` (last name, then first name). A `q` so common that it matches over 20,000 people lists only its best candidates by relevance (at most 3,000: whole-name matches, the 1,000 best-known name-beginning matches and of all matches); a field sort lists every match. */
                    sort?: "name" | "-name" | "birthDate" | "-birthDate" | "moviesActed" | "-moviesActed" | "actingBudgetTotal" | "-actingBudgetTotal" | "moviesDirected" | "-moviesDirected" | "directingBudgetAverage" | "-directingBudgetAverage" | "relevance";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PersonSummary"][];
                            /** @description Pass as `cursor` for the next page; null on the last page. */
                            nextCursor: string | null;
                            /** @description How many items match, over all pages: with includeTotal=true. */
                            total?: number;
                            /** @description Offset pages only. */
                            page?: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a person
         * @description Needs an editor or an admin.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Any unique value (a UUID) of at most 255 visible ASCII characters. Sending the same request again with the same key within 24 hours answers it as the first time, without creating a second one (Idempotent-Replayed: true); the same key with another request is refused with 422. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        firstName: string;
                        /** @description May be empty: many people go by one name. */
                        lastName: string;
                        biography?: string | null;
                        birthDate?: string | null;
                        /** @enum {unknown} */
                        gender?: "female" | "male" | "non_binary" | "unknown";
                        countryId?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonDetails"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything about one person
         * @description Country, photos, filmography (acting and directing, newest first) and figures.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonDetails"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a person
         * @description Refused (409) while they direct a movie or play a character: detach them first.
         *
         *     Needs an editor or an admin.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a person
         * @description Needs an editor or an admin.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        firstName?: string;
                        /** @description May be empty: many people go by one name. */
                        lastName?: string;
                        biography?: string | null;
                        birthDate?: string | null;
                        /** @enum {unknown} */
                        gender?: "female" | "male" | "non_binary" | "unknown";
                        countryId?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonDetails"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/persons/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a photo to a person's gallery
         * @description Either upload the image (multipart/form-data, as POST /files) or name a file uploaded before ({"fileId": n}). The first photo becomes the primary one.
         *
         *     Needs an editor or an admin.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Any unique value (a UUID) of at most 255 visible ASCII characters. Sending the same request again with the same key within 24 hours answers it as the first time, without creating a second one (Idempotent-Replayed: true); the same key with another request is refused with 422. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description One image: JPEG, PNG, WebP, AVIF or GIF (required).
                         */
                        file?: string;
                    };
                    "application/json": {
                        fileId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonPhoto"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}/photos/{photoId}": {
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
         * Remove a photo from a person's gallery
         * @description When it was the primary photo, the person has none until another is chosen. The file is deleted unless something else uses it.
         *
         *     Needs an editor or an admin.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    photoId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Choose a person's primary photo
         * @description The photo must be in the person's own gallery (422 otherwise).
         *
         *     Needs an editor or an admin.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        photoId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonDetails"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/favorites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My favorite movies
         * @description Needs a signed-in user (any role).
         */
        get: {
            parameters: {
                query: {
                    /** @description Page number, from 1 (default). Deep pages: use `cursor`. */
                    page?: number;
                    /** @description Items per page, at most 100. */
                    pageSize: number;
                    /** @description The previous answer's `nextCursor`: the page after it. Send the same filters and sort with it (else 400); not with `page`. */
                    cursor?: string;
                    /** @description true: the answer also says how many items match over all pages (`total`). Off by default: in a big catalogue, counting every match costs more than the page. */
                    includeTotal?: boolean;
                    /** @description Genre ids or names: `Action,Drama` all of them, `Action|Drama` any of them. */
                    genre?: string;
                    /** @description None of these genres (ids or names). */
                    withoutGenre?: string;
                    /** @description The main country (`country`, the first production country): its id or ISO 3166-1 code. */
                    country?: string;
                    /** @description Any of the production countries (`countries`): its id or ISO 3166-1 code. */
                    productionCountry?: string;
                    director?: number;
                    /** @description Person ids: `1,2` all of them, `1|2` any of them. */
                    cast?: string;
                    /** @description YYYY-MM-DD */
                    releasedFrom?: string;
                    /** @description YYYY-MM-DD */
                    releasedTo?: string;
                    /** @description Released in the last N years, up to today. */
                    releasedWithinYears?: number;
                    /** @description Minutes. */
                    minDuration?: number;
                    /** @description Minutes. */
                    maxDuration?: number;
                    minBudget?: number;
                    maxBudget?: number;
                    minRevenue?: number;
                    maxRevenue?: number;
                    /** @description At least this many votes. */
                    minVoteCount?: number;
                    minVoteAverage?: number;
                    maxVoteAverage?: number;
                    /** @description Where the movie stands (TMDB: Rumored ... Canceled). */
                    status?: "rumored" | "planned" | "in_production" | "post_production" | "released" | "canceled";
                    /** @description The original language: an ISO 639-1 code, lower case. */
                    originalLanguage?: string;
                    tmdbId?: number;
                    /** @description Keyword ids: `1,2` all of them, `1|2` any of them. */
                    keyword?: string;
                    /** @description Company ids: `1,2` all of them, `1|2` any of them. */
                    company?: string;
                    /** @description Spoken languages (ISO 639-1 codes, lower case): `en,fr` all of them, `en|fr` any of them. */
                    language?: string;
                    /** @description Person (crew credits) ids: `1,2` all of them, `1|2` any of them. */
                    crew?: string;
                    /** @description Only with `crew`: the crew credit must be this job (exact, e.g. Director). */
                    job?: string;
                    /** @description Up to 100 movie ids, comma-separated. */
                    ids?: string;
                    /** @description Words of the title, as GET /search matches them: case and accents ignored, the last word also as a prefix, a misspelt word corrected. */
                    q?: string;
                    /** @description Default: newest favorites first, or `relevance` with `q`; any sort of GET /movies works too. */
                    sort?: "-favoritedAt" | "favoritedAt" | "-title" | "title" | "-releaseDate" | "releaseDate" | "-budget" | "budget" | "-duration" | "duration" | "-popularity" | "popularity" | "-createdAt" | "createdAt" | "-voteAverage" | "voteAverage" | "-voteCount" | "voteCount" | "-revenue" | "revenue" | "relevance";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FavoriteMovie"][];
                            /** @description Pass as `cursor` for the next page; null on the last page. */
                            nextCursor: string | null;
                            /** @description How many items match, over all pages: with includeTotal=true. */
                            total?: number;
                            /** @description Offset pages only. */
                            page?: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/favorites/{movieId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add a movie to my favorites (idempotent)
         * @description Needs a signed-in user (any role).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    movieId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Remove a movie from my favorites (idempotent)
         * @description Needs a signed-in user (any role).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    movieId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Movies and people for what was typed
         * @description Case and accents are ignored ("amelie" finds "Amélie"), a misspelt word is corrected ("godfater" finds "The Godfather", "johnny deep" Johnny Depp), and the last word also matches as a prefix, so that a search box can ask as the user types. Movies and people are ranked in one order (`results`): the kind of match first (the whole title or name, a surname typed alone, every word whole, the last word as a prefix, a corrected word, some of the words), then how well known each is (votes and favorites; for a person, the votes of the movies of their key credits). A phrase that matches nothing whole answers its best partial matches. See docs/search.md. For paging through every match, use `q` on GET /movies or GET /persons.
         */
        get: {
            parameters: {
                query: {
                    /** @description What the user typed: words of a title or a name; two letters already answer. */
                    q: string;
                    /** @description Results at most: in `results`, and of each kind in `movies` and `persons`. */
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Movies and people in one order, the best first: what a search box suggests. */
                            results: ((components["schemas"]["MovieSummary"] & {
                                /** @enum {string} */
                                kind: "movie";
                                /** @description Higher is better, comparable across movies and people (docs/search.md): the kind of match (100 the whole title or name, 85 a surname typed alone, 80 a word of the surname, 65 every word whole, 45 the last word as a prefix, 30 with a misspelt word corrected, up to 20 for some of the words; 5 more when the text begins with what was typed), plus 3 ln(1 + weight) for how well known it is (votes and favorites; for a person, the votes of the movies of their key credits), plus the trigram similarity of the whole text. */
                                score: number;
                            }) | (components["schemas"]["PersonSummary"] & {
                                /** @enum {string} */
                                kind: "person";
                                /** @description Higher is better, comparable across movies and people (docs/search.md): the kind of match (100 the whole title or name, 85 a surname typed alone, 80 a word of the surname, 65 every word whole, 45 the last word as a prefix, 30 with a misspelt word corrected, up to 20 for some of the words; 5 more when the text begins with what was typed), plus 3 ln(1 + weight) for how well known it is (votes and favorites; for a person, the votes of the movies of their key credits), plus the trigram similarity of the whole text. */
                                score: number;
                            }))[];
                            /** @description The movies of the best answers, best first. */
                            movies: (components["schemas"]["MovieSummary"] & {
                                /** @enum {string} */
                                kind: "movie";
                                /** @description Higher is better, comparable across movies and people (docs/search.md): the kind of match (100 the whole title or name, 85 a surname typed alone, 80 a word of the surname, 65 every word whole, 45 the last word as a prefix, 30 with a misspelt word corrected, up to 20 for some of the words; 5 more when the text begins with what was typed), plus 3 ln(1 + weight) for how well known it is (votes and favorites; for a person, the votes of the movies of their key credits), plus the trigram similarity of the whole text. */
                                score: number;
                            })[];
                            /** @description The people of the best answers, best first. */
                            persons: (components["schemas"]["PersonSummary"] & {
                                /** @enum {string} */
                                kind: "person";
                                /** @description Higher is better, comparable across movies and people (docs/search.md): the kind of match (100 the whole title or name, 85 a surname typed alone, 80 a word of the surname, 65 every word whole, 45 the last word as a prefix, 30 with a misspelt word corrected, up to 20 for some of the words; 5 more when the text begins with what was typed), plus 3 ln(1 + weight) for how well known it is (votes and favorites; for a person, the votes of the movies of their key credits), plus the trigram similarity of the whole text. */
                                score: number;
                            })[];
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My account
         * @description Needs a signed-in user (any role).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete my account
         * @description Its sessions and favorites go with it. The last admin cannot delete their account.
         *
         *     Needs a signed-in user (any role).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change my username, e-mail or names
         * @description Needs a signed-in user (any role).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 3 to 30 of a-z, 0-9, _ . - (kept in lower case; unique without regard to case).
                         * @example ana_lopez
                         */
                        username?: string;
                        /**
                         * Format: email
                         * @example ana@example.com
                         */
                        email?: string;
                        firstName?: string | null;
                        lastName?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change my password
         * @description Every other session is signed out; this one stays.
         *
         *     Needs a signed-in user (any role).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        /** @description 10 to 256 characters. */
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/avatar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set my avatar
         * @description Either upload the image (multipart/form-data, as POST /files) or name a file you uploaded before ({"fileId": n}). The avatar it replaces is deleted unless something else uses it.
         *
         *     Needs a signed-in user (any role).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description One image: JPEG, PNG, WebP, AVIF or GIF (required).
                         */
                        file?: string;
                    };
                    "application/json": {
                        fileId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Remove my avatar
         * @description Needs a signed-in user (any role).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users, each with the ids of their favorite movies
         * @description Needs an admin.
         */
        get: {
            parameters: {
                query: {
                    /** @description Page number, from 1. */
                    page: number;
                    /** @description Items per page, at most 100. */
                    pageSize: number;
                    /** @description Part of the username or e-mail. */
                    q?: string;
                    /** @description user, editor (changes the catalogue) or admin (also manages users). */
                    role?: "user" | "editor" | "admin";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AdminUser"][];
                            /** @description How many items match, over all pages. */
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One user
         * @description Needs an admin.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminUser"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a user
         * @description Their sessions and favorites go with them. The last admin cannot be deleted.
         *
         *     Needs an admin.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a user's role
         * @description The last admin keeps the admin role.
         *
         *     Needs an admin.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description user, editor (changes the catalogue) or admin (also manages users).
                         * @enum {unknown}
                         */
                        role: "user" | "editor" | "admin";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminUser"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and sign in */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Any unique value (a UUID) of at most 255 visible ASCII characters. Sending the same request again with the same key within 24 hours answers it as the first time, without creating a second one (Idempotent-Replayed: true); the same key with another request is refused with 422. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 3 to 30 of a-z, 0-9, _ . - (kept in lower case; unique without regard to case).
                         * @example ana_lopez
                         */
                        username: string;
                        /**
                         * Format: email
                         * @example ana@example.com
                         */
                        email: string;
                        /** @description 10 to 256 characters. */
                        password: string;
                        firstName?: string;
                        lastName?: string;
                        /** @description For browser apps: true sends the refresh token as an httpOnly, SameSite=Strict cookie scoped to /api/v1/auth/refresh (Secure over HTTPS), which no script can read, and leaves it out of the answer. */
                        cookie?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuthResult"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with the username or the e-mail
         * @description A wrong login and a wrong password get the same 401.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The username or the e-mail address. */
                        login: string;
                        password: string;
                        /** @description For browser apps: true sends the refresh token as an httpOnly, SameSite=Strict cookie scoped to /api/v1/auth/refresh (Secure over HTTPS), which no script can read, and leaves it out of the answer. */
                        cookie?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuthResult"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trade a refresh token for new tokens
         * @description Refresh tokens are single use. Presenting one that was already used revokes its whole session (someone else holds a copy), and that device must sign in again. Send the token in the body, or leave the body out and the refresh cookie is used (with neither: 400); a token that came in the cookie is answered with a new cookie. In a session started with cookie: true, the cookie's previous token still works for 10 seconds after it was replaced, for a browser that left the page before the answer arrived; tokens in the body get no such grace.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description Leave it out to use the refresh cookie instead. */
                        refreshToken?: string;
                        /** @description For browser apps: true sends the refresh token as an httpOnly, SameSite=Strict cookie scoped to /api/v1/auth/refresh (Secure over HTTPS), which no script can read, and leaves it out of the answer. */
                        cookie?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuthResult"];
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out: revoke this session
         * @description Send the access token (Authorization: Bearer), or the refresh token in the body ({"refreshToken": "..."}). The answer also clears the refresh cookie. The session's access and refresh tokens stop working at once. Idempotent: with neither, or a token no longer current, there is nothing to revoke and the answer is 204 all the same.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        refreshToken?: string;
                    };
                };
            };
            responses: {
                /** @description Signed out. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My API keys
         * @description Newest first, revoked ones too (with revokedAt). The keys themselves are not shown: only their first characters.
         *
         *     Needs a signed-in user (any role).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiKey"][];
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Make an API key
         * @description The answer is the only time the key is shown: it is stored as its sha256 alone. A client sends it on the TMDB-compatible surface as TMDB’s `api_key` query parameter or as `Authorization: Bearer <key>`. At most 20 unrevoked keys a user (409 past that).
         *
         *     Needs a signed-in user (any role).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A label to know the key by (the app that uses it); kept without surrounding spaces. */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /**
                             * @description The label its owner gave it.
                             * @example Radarr
                             */
                            name: string;
                            /**
                             * @description The key's first characters, to tell it apart; the key is not kept.
                             * @example 3f9a1c
                             */
                            keyPrefix: string;
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * @description The key itself: shown in this answer only, and stored only as its hash. TMDB's api_key on /3.
                             * @example 3f9a1c0d5e7b42a8961f0c3d2b4e5a67
                             */
                            key: string;
                        };
                    };
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/api-keys/{id}": {
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
         * Revoke one of my API keys
         * @description It stops working at once and stays in the list, revoked. Revoking it again is 204 too (it keeps its first revokedAt); a key that is not yours is a 404, as one that never was.
         *
         *     Needs a signed-in user (any role).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request was refused: problem details say why. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The service failed: problem details with a request id, nothing internal. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details. */
        Problem: {
            /** @description A URI naming the kind of problem; about:blank when the status says it all. */
            type: string;
            /** @description The HTTP status phrase. */
            title: string;
            status: number;
            /** @description What went wrong, for a person to read. */
            detail?: string;
            /** @description The request path. */
            instance?: string;
            /** @description Quote it when reporting a problem. */
            requestId?: string;
            /** @description One entry per invalid field. */
            errors?: {
                in: "body" | "query" | "path" | "header";
                /** @description The field, dotted for nested fields. */
                field: string;
                message: string;
            }[];
        };
        Image: {
            /** @description The file id. */
            id: number;
            /** @description The uploader's name for it, cleaned. */
            fileName: string;
            /** @example image/jpeg */
            mimeType: string;
            /** @description Bytes of the original. */
            size: number;
            width: number;
            height: number;
            /** Format: uri */
            publicUrl: string;
            /** @description URLs by size: the original, and WebP copies at most 92, 185 and 500 pixels wide (never enlarged). */
            sizes: {
                /** Format: uri */
                original: string;
                /** Format: uri */
                w92: string;
                /** Format: uri */
                w185: string;
                /** Format: uri */
                w500: string;
            };
            /** Format: date-time */
            createdAt: string;
        };
        Country: {
            id: number;
            /**
             * @description ISO 3166-1 alpha-2 code.
             * @example US
             */
            code: string;
            /** @example United States of America */
            name: string;
        };
        Genre: {
            id: number;
            /** @example Science Fiction */
            name: string;
        };
        PersonRef: {
            id: number;
            firstName: string;
            lastName: string;
            photo: components["schemas"]["Image"] | null;
        };
        Keyword: {
            id: number;
            /** @example time travel */
            name: string;
            /** @description How many movies carry the keyword. */
            moviesCount: number;
        };
        Company: {
            id: number;
            /** @example Pixar Animation Studios */
            name: string;
            originCountry: {
                id: number;
                code: string;
                name: string;
            } | null;
            /** @description How many movies it produced. */
            moviesCount: number;
        };
        CompanyDetails: {
            id: number;
            /** @example Pixar Animation Studios */
            name: string;
            originCountry: {
                id: number;
                code: string;
                name: string;
            } | null;
            /** @description How many movies it produced. */
            moviesCount: number;
            /** @description Its 50 most popular movies (GET /movies?sort=-popularity); all of them: GET /movies?company=id. */
            movies: {
                id: number;
                title: string;
                releaseDate: string | null;
                poster: components["schemas"]["Image"] | null;
            }[];
        };
        Character: {
            id: number;
            name: string | null;
            description: string | null;
            /** @enum {unknown} */
            role: "leading" | "supporting" | "background";
            billingOrder: number | null;
            actor: components["schemas"]["PersonRef"] | null;
            /** @description Everyone who played the character, the actor first. */
            performers: components["schemas"]["PersonRef"][];
        };
        MovieSummary: {
            id: number;
            tmdbId: number | null;
            title: string;
            releaseDate: string | null;
            durationMinutes: number | null;
            budget: number | null;
            poster: components["schemas"]["Image"] | null;
            country: {
                id: number;
                code: string;
                name: string;
            } | null;
            director: components["schemas"]["PersonRef"] | null;
            genres: {
                id: number;
                name: string;
            }[];
            /** @description How many people play in it. */
            actorsCount: number;
            /** @description How many users keep it among their favorites. */
            favoritesCount: number;
            originalTitle: string | null;
            originalLanguage: string | null;
            voteAverage: number | null;
            voteCount: number | null;
            popularity: number | null;
        };
        MovieDetails: {
            id: number;
            tmdbId: number | null;
            title: string;
            releaseDate: string | null;
            durationMinutes: number | null;
            budget: number | null;
            poster: components["schemas"]["Image"] | null;
            country: {
                id: number;
                code: string;
                name: string;
            } | null;
            director: components["schemas"]["PersonRef"] | null;
            genres: {
                id: number;
                name: string;
            }[];
            /** @description How many people play in it. */
            actorsCount: number;
            /** @description How many users keep it among their favorites. */
            favoritesCount: number;
            originalTitle: string | null;
            originalLanguage: string | null;
            voteAverage: number | null;
            voteCount: number | null;
            popularity: number | null;
            description: string | null;
            tagline: string | null;
            certification: string | null;
            status: ("rumored" | "planned" | "in_production" | "post_production" | "released" | "canceled") | null;
            homepage: string | null;
            revenue: number | null;
            /** @description In credits order. */
            characters: components["schemas"]["Character"][];
            /** @description Every production country, in order; `country` is the first. */
            countries: {
                id: number;
                code: string;
                name: string;
            }[];
            /** @description The spoken languages, in order. */
            languages: {
                code: string;
                name: string;
            }[];
            /** @description By name. */
            keywords: {
                id: number;
                name: string;
            }[];
            /** @description The production companies, in order. */
            companies: {
                id: number;
                name: string;
                originCountry: {
                    id: number;
                    code: string;
                    name: string;
                } | null;
            }[];
            /** @description The crew by department, in department id order; only departments with credits. */
            crew: {
                department: {
                    id: number;
                    name: string;
                };
                /** @description By job, then the person's name (last, first). */
                credits: {
                    id: number;
                    job: string;
                    person: components["schemas"]["PersonRef"];
                }[];
            }[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Only for a signed-in caller: is it among my favorites? */
            isFavorite?: boolean;
        };
        CrewCredit: {
            id: number;
            /** @description TMDB's job title: Director, Screenplay, Original Music Composer... */
            job: string;
            department: {
                id: number;
                name: string;
            };
            person: components["schemas"]["PersonRef"];
        };
        PersonPhoto: {
            /** @description The photo id (not the file id). */
            id: number;
            isPrimary: boolean;
            image: components["schemas"]["Image"];
        };
        PersonSummary: {
            id: number;
            tmdbId: number | null;
            firstName: string;
            lastName: string;
            /** @enum {unknown} */
            gender: "female" | "male" | "non_binary" | "unknown";
            birthDate: string | null;
            country: {
                id: number;
                code: string;
                name: string;
            } | null;
            photo: components["schemas"]["Image"] | null;
            /** @description Distinct movies they play in. */
            moviesActed: number;
            /** @description Sum of the known budgets of the distinct movies they play in. */
            actingBudgetTotal: number;
            moviesDirected: number;
            directingBudgetAverage: number | null;
        };
        PersonDetails: {
            id: number;
            tmdbId: number | null;
            firstName: string;
            lastName: string;
            /** @enum {unknown} */
            gender: "female" | "male" | "non_binary" | "unknown";
            birthDate: string | null;
            country: {
                id: number;
                code: string;
                name: string;
            } | null;
            photo: components["schemas"]["Image"] | null;
            /** @description Distinct movies they play in. */
            moviesActed: number;
            /** @description Sum of the known budgets of the distinct movies they play in. */
            actingBudgetTotal: number;
            moviesDirected: number;
            directingBudgetAverage: number | null;
            biography: string | null;
            /** @description The gallery, oldest first. */
            photos: components["schemas"]["PersonPhoto"][];
            /** @description Every character they played, newest movie first. */
            acting: {
                movie: components["schemas"]["MovieSummary"];
                character: {
                    id: number;
                    name: string | null;
                    /** @enum {unknown} */
                    role: "leading" | "supporting" | "background";
                    billingOrder: number | null;
                };
            }[];
            /** @description Newest first. */
            directing: components["schemas"]["MovieSummary"][];
            knownForDepartment: string | null;
            /** @description Every crew credit: newest movie first, undated ones last, then by title; in one movie by department and job. */
            crew: {
                /** @description The crew credit (DELETE /movies/{movieId}/crew/{id}). */
                id: number;
                /** @example Screenplay */
                job: string;
                department: {
                    id: number;
                    name: string;
                };
                movie: {
                    id: number;
                    title: string;
                    releaseDate: string | null;
                    poster: components["schemas"]["Image"] | null;
                };
            }[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        FavoriteMovie: {
            id: number;
            tmdbId: number | null;
            title: string;
            releaseDate: string | null;
            durationMinutes: number | null;
            budget: number | null;
            poster: components["schemas"]["Image"] | null;
            country: {
                id: number;
                code: string;
                name: string;
            } | null;
            director: components["schemas"]["PersonRef"] | null;
            genres: {
                id: number;
                name: string;
            }[];
            /** @description How many people play in it. */
            actorsCount: number;
            /** @description How many users keep it among their favorites. */
            favoritesCount: number;
            originalTitle: string | null;
            originalLanguage: string | null;
            voteAverage: number | null;
            voteCount: number | null;
            popularity: number | null;
            /** Format: date-time */
            favoritedAt: string;
        };
        User: {
            id: number;
            username: string;
            email: string;
            firstName: string | null;
            lastName: string | null;
            /**
             * @description user, editor (changes the catalogue) or admin (also manages users).
             * @enum {unknown}
             */
            role: "user" | "editor" | "admin";
            avatar: components["schemas"]["Image"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AdminUser: {
            id: number;
            username: string;
            email: string;
            firstName: string | null;
            lastName: string | null;
            /**
             * @description user, editor (changes the catalogue) or admin (also manages users).
             * @enum {unknown}
             */
            role: "user" | "editor" | "admin";
            avatar: components["schemas"]["Image"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Most recently favorited first. */
            favoriteMovieIds: number[];
        };
        AuthResult: {
            user: components["schemas"]["User"];
            /** @description Send as `Authorization: Bearer <token>`. */
            accessToken: string;
            /** @description Single use: POST it to /auth/refresh for new tokens. Absent when it was sent as a cookie instead. */
            refreshToken?: string;
            /** @description Seconds until the access token expires. */
            expiresIn: number;
        };
        ApiKey: {
            id: number;
            /**
             * @description The label its owner gave it.
             * @example Radarr
             */
            name: string;
            /**
             * @description The key's first characters, to tell it apart; the key is not kept.
             * @example 3f9a1c
             */
            keyPrefix: string;
            /** Format: date-time */
            createdAt: string;
            /** @description When the key was last used (a use is recorded at most once a minute); null before its first use. */
            lastUsedAt: string | null;
            /** @description When it was revoked (it works no more); null while it is live. */
            revokedAt: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
