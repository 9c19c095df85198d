package dev.migrations.dialect;

/**
 * The queries of {@code pg_catalog} that read what a PostgreSQL schema holds beyond
 * tables, views, routines and triggers, and what other schemas hold that depends on it.
 * Each takes the schema's name as its one parameter.
 */
final class PostgresObjectQueries {

	/**
	 * Sequences a column does not own, enum types, domains, composite types, materialized
	 * views and foreign tables, as kind, name and definition; what belongs to an
	 * extension is left out.
	 */
	static final String OBJECTS = """
			WITH schema AS (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ?),
			attributes AS (SELECT a.attrelid, string_agg(quote_ident(a.attname) || ' '
			    || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) AS list
			  FROM pg_catalog.pg_attribute a WHERE a.attnum > 0 AND NOT a.attisdropped
			    AND a.attrelid IN (SELECT c.oid FROM pg_catalog.pg_class c
			      WHERE c.relnamespace IN (SELECT oid FROM schema) AND c.relkind IN ('c', 'f'))
			  GROUP BY a.attrelid),
			extension_members AS (SELECT d.classid, d.objid FROM pg_catalog.pg_depend d WHERE d.deptype = 'e')
			SELECT 'SEQUENCE', c.relname,
			  'AS ' || format_type(s.seqtypid, NULL) || ' START ' || s.seqstart || ' INCREMENT ' || s.seqincrement
			  || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax
			  || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END
			FROM pg_catalog.pg_sequence s
			JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
			WHERE c.relnamespace IN (SELECT oid FROM schema)
			  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass
			    AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
			UNION ALL
			SELECT CASE t.typtype WHEN 'e' THEN 'ENUM' WHEN 'c' THEN 'TYPE' ELSE 'DOMAIN' END, t.typname,
			  CASE t.typtype WHEN 'e' THEN
			    (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
			      FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid)
			  WHEN 'c' THEN (SELECT a.list FROM attributes a WHERE a.attrelid = t.typrelid)
			  ELSE 'AS ' || format_type(t.typbasetype, t.typtypmod) || COALESCE(' DEFAULT ' || t.typdefault, '')
			    || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
			    || COALESCE((SELECT string_agg(' CONSTRAINT ' || quote_ident(k.conname) || ' '
			      || pg_catalog.pg_get_constraintdef(k.oid), '' ORDER BY k.conname)
			      FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid), '') END
			FROM pg_catalog.pg_type t
			WHERE t.typnamespace IN (SELECT oid FROM schema)
			  AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c
			    WHERE c.oid = t.typrelid AND c.relkind = 'c')))
			  AND NOT EXISTS (SELECT 1 FROM extension_members m WHERE m.classid = 'pg_catalog.pg_type'::regclass
			    AND m.objid = t.oid)
			UNION ALL
			SELECT CASE c.relkind WHEN 'm' THEN 'MATERIALIZED_VIEW' ELSE 'FOREIGN_TABLE' END, c.relname,
			  CASE c.relkind WHEN 'm' THEN pg_catalog.pg_get_viewdef(c.oid, true)
			  ELSE (SELECT '(' || COALESCE(a.list, '') || ') SERVER ' || quote_ident(v.srvname)
			      || COALESCE(' OPTIONS ' || array_to_string(f.ftoptions, ', '), '')
			    FROM pg_catalog.pg_foreign_table f
			    JOIN pg_catalog.pg_foreign_server v ON v.oid = f.ftserver
			    LEFT JOIN attributes a ON a.attrelid = f.ftrelid
			    WHERE f.ftrelid = c.oid) END
			FROM pg_catalog.pg_class c
			WHERE c.relnamespace IN (SELECT oid FROM schema) AND c.relkind IN ('m', 'f')
			  AND NOT EXISTS (SELECT 1 FROM extension_members m WHERE m.classid = 'pg_catalog.pg_class'::regclass
			    AND m.objid = c.oid)""";

	/**
	 * What other schemas hold that a {@code DROP ... CASCADE} of this schema's tables,
	 * views and types would take with it, each as a description naming it: views and
	 * materialized views over this schema's relations, foreign keys that reference its
	 * tables, and columns of its types.
	 */
	static final String DEPENDENTS_ELSEWHERE = """
			WITH schema AS (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = COALESCE(CAST(? AS text), current_schema()))
			SELECT DISTINCT CASE v.relkind WHEN 'm' THEN 'materialized view ' ELSE 'view ' END
			  || quote_ident(vn.nspname) || '.' || quote_ident(v.relname) || ' (over ' || quote_ident(c.relname) || ')'
			FROM pg_catalog.pg_depend d
			JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
			JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
			JOIN pg_catalog.pg_namespace vn ON vn.oid = v.relnamespace
			JOIN pg_catalog.pg_class c ON c.oid = d.refobjid
			WHERE d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
			  AND c.relnamespace IN (SELECT oid FROM schema) AND v.relnamespace NOT IN (SELECT oid FROM schema)
			UNION
			SELECT 'foreign key ' || quote_ident(k.conname) || ' of ' || quote_ident(fn.nspname) || '.'
			  || quote_ident(f.relname) || ' (references ' || quote_ident(c.relname) || ')'
			FROM pg_catalog.pg_constraint k
			JOIN pg_catalog.pg_class f ON f.oid = k.conrelid
			JOIN pg_catalog.pg_namespace fn ON fn.oid = f.relnamespace
			JOIN pg_catalog.pg_class c ON c.oid = k.confrelid
			WHERE k.contype = 'f' AND c.relnamespace IN (SELECT oid FROM schema)
			  AND f.relnamespace NOT IN (SELECT oid FROM schema)
			UNION
			SELECT 'column ' || quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(a.attname)
			  || ' (of type ' || quote_ident(y.typname) || ')'
			FROM pg_catalog.pg_attribute a
			JOIN pg_catalog.pg_class t ON t.oid = a.attrelid
			JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
			JOIN pg_catalog.pg_type y ON y.oid = a.atttypid
			WHERE a.attnum > 0 AND NOT a.attisdropped AND y.typnamespace IN (SELECT oid FROM schema)
			  AND t.relnamespace NOT IN (SELECT oid FROM schema) AND tn.nspname NOT LIKE 'pg\\_%'
			ORDER BY 1""";

	private PostgresObjectQueries() {
	}

}
