-- Harbor Lane Books: a small bookshop, the third test retailer. Its data is this script and nothing else (no generator
-- code): card holders in two counties, till receipts by section and genre, website visits, and three randomized mailing
-- tests with a known effect (the author-signing invite lifts Fiction buyers' conversion by 0.15, the stamp bonus lifts
-- everyone's by 0.04, the pre-order nudge does nothing). Pseudo-random draws are hashes of a key and a row number, so
-- every run writes the same rows. Run it on an empty DuckDB file (the tests do, with DuckDB.NET).

CREATE TEMP MACRO draw(k, n) AS (hash(k || ':' || CAST(n AS VARCHAR)) % 1000000) / 1000000.0;
CREATE TEMP MACRO pick(k, n, m) AS CAST(floor(draw(k, n) * m) AS INTEGER) + 1;

CREATE TABLE card_holders AS
SELECT
    'HL' || lpad(CAST(n AS VARCHAR), 5, '0') AS card_no,
    ['Ada', 'Basil', 'Cora', 'Dev', 'Edith', 'Finn', 'Greta', 'Hugo'][pick('name', n, 8)] AS given_name,
    'reader' || CAST(n AS VARCHAR) || '@example.org' AS mail,
    DATE '2022-01-03' + pick('opened', n, 1360) AS opened_on,
    ['Cornwall', 'Devon', 'Dorset'][pick('county', n, 3)] AS county,
    ['reading_group', 'book_fair', 'walk_in', 'library_partner'][pick('found', n, 4)] AS found_us,
    draw('letter', n) < 0.6 AS newsletter_ok,
    CAST(0.0 AS DOUBLE) AS lifetime_spend,
    n
FROM range(1, 2001) AS t(n);

ALTER TABLE card_holders ADD COLUMN town VARCHAR;
UPDATE card_holders SET town = CASE county
    WHEN 'Cornwall' THEN ['Falmouth', 'Truro', 'St Ives'][pick('town', n, 3)]
    WHEN 'Devon' THEN ['Exeter', 'Totnes', 'Dartmouth'][pick('town', n, 3)]
    ELSE ['Bridport', 'Lyme Regis', 'Weymouth'][pick('town', n, 3)] END;

CREATE TABLE till_receipts AS
WITH lines AS (
    SELECT h.card_no, h.n * 10 + k AS line, draw('buys', h.n) AS appetite
    FROM card_holders h, range(0, 8) AS r(k)
), kept AS (
    SELECT card_no, line, pick('section', line, 3) AS s, pick('genre', line, 3) AS g
    FROM lines WHERE draw('line', line) < appetite
)
SELECT
    'R' || lpad(CAST(line AS VARCHAR), 7, '0') AS receipt_no,
    card_no,
    TIMESTAMP '2026-09-30 18:00:00' - to_days(pick('sold', line, 540) - 1) - to_minutes(pick('minute', line, 600)) AS sold_at,
    ['Fiction', 'Non-Fiction', 'Children'][s] AS section,
    [['Mystery', 'Fantasy', 'Literary Fiction'], ['History', 'Cookery', 'Travel'], ['Picture Books', 'Young Adult', 'Young Adult']][s][g] AS genre,
    round(6.99 + draw('price', line) * 23.0, 2) AS amount
FROM kept;

UPDATE card_holders SET lifetime_spend = coalesce((SELECT round(sum(amount), 2) FROM till_receipts r WHERE r.card_no = card_holders.card_no), 0.0);

CREATE TABLE site_visits AS
WITH visits AS (
    SELECT h.card_no, h.n * 20 + k AS v
    FROM card_holders h, range(0, 12) AS r(k)
    WHERE draw('visit', h.n * 20 + k) < 0.35
)
SELECT
    v AS visit_id,
    card_no,
    TIMESTAMP '2026-09-30 20:00:00' - to_days(pick('when', v, 200) - 1) - to_minutes(pick('vmin', v, 900)) AS visited_at,
    ['browse', 'browse', 'search', 'wishlist', 'review_posted'][pick('what', v, 5)] AS what,
    ['Fiction', 'Non-Fiction', 'Children'][pick('vsection', v, 3)] AS section,
    ['desktop', 'phone'][pick('device', v, 2)] AS device
FROM visits;

CREATE TABLE mailing_tests AS
WITH sends AS (
    SELECT h.card_no, h.n, o.code, o.k, h.n * 3 + o.k AS s
    FROM card_holders h, (VALUES ('SIGN', 0), ('STAMP', 1), ('PREORD', 2)) AS o(code, k)
    WHERE draw('mailed', h.n * 3 + o.k) < 0.75
), arms AS (
    SELECT s.*, draw('arm', s.s) < 0.5 AS treated,
        EXISTS (SELECT 1 FROM till_receipts r WHERE r.card_no = s.card_no AND r.section = 'Fiction') AS fiction_buyer
    FROM sends s
)
SELECT
    'M' || lpad(CAST(s AS VARCHAR), 6, '0') AS mailing_id,
    card_no,
    code AS offer,
    CASE WHEN treated THEN 'A' ELSE 'B' END AS grp,
    TIMESTAMP '2026-09-01 09:00:00' - to_days(pick('mailed_at', s, 240) - 1) AS mailed_at,
    draw('bought', s) < 0.08
        + CASE WHEN treated AND code = 'SIGN' AND fiction_buyer THEN 0.15 ELSE 0.0 END
        + CASE WHEN treated AND code = 'STAMP' THEN 0.04 ELSE 0.0 END AS bought,
    CAST(0.0 AS DOUBLE) AS takings
FROM arms;

UPDATE mailing_tests SET takings = round(12.0 + (hash('takings:' || mailing_id) % 1000) / 50.0, 2) WHERE bought;

ALTER TABLE card_holders DROP COLUMN n;
