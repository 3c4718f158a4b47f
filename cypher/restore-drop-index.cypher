DROP INDEX restore_key IF EXISTS;
