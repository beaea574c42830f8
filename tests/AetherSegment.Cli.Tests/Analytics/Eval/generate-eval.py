import json
out=[]
def q(g,question,truth): out.append({"group":g,"question":question,"truth":truth})
J="FROM transactions t JOIN customers c ON c.customer_id = t.customer_id"
# A filters
for country in ["Canada","United Kingdom","Australia","United States"]:
    q("filters",f"How many customers do we have in {country}?",f"SELECT COUNT(*) FROM customers WHERE country = '{country}'")
for city in ["London","Toronto","Sydney","Chicago","Leeds","Perth"]:
    q("filters",f"number of customers in {city}",f"SELECT COUNT(*) FROM customers WHERE city = '{city}'")
for pt in ["Sofas","Mattresses","Desks","Candles","Cushions"]:
    q("filters",f"revenue from {pt}",f"SELECT SUM(order_value) FROM transactions WHERE product_type = '{pt}'")
for cat in ["Bedroom","Office","Outdoor","Lighting","Textiles"]:
    q("filters",f"orders in {cat}",f"SELECT COUNT(DISTINCT transaction_id) FROM transactions WHERE category = '{cat}'")
# B breakdowns
q("breakdowns","revenue by country",f"SELECT c.country, SUM(t.order_value) {J} GROUP BY 1")
q("breakdowns","orders by category","SELECT category, COUNT(DISTINCT transaction_id) FROM transactions GROUP BY 1")
q("breakdowns","customers by acquisition source","SELECT acquisition_source, COUNT(*) FROM customers GROUP BY 1")
q("breakdowns","average order value by category","SELECT category, SUM(order_value) / COUNT(DISTINCT transaction_id) FROM transactions GROUP BY 1")
q("breakdowns","units sold by product type for Bedroom","SELECT product_type, SUM(quantity) FROM transactions WHERE category = 'Bedroom' GROUP BY 1")
q("breakdowns","abandoned carts by country","SELECT c.country, COUNT(*) FROM abandoned_carts a JOIN customers c ON c.customer_id = a.customer_id GROUP BY 1")
q("breakdowns","buyers by country",f"SELECT c.country, COUNT(DISTINCT t.customer_id) {J} GROUP BY 1")
q("breakdowns","revenue by city",f"SELECT c.city, SUM(t.order_value) {J} GROUP BY 1")
q("breakdowns","abandoned cart value by country","SELECT c.country, SUM(a.cart_value) FROM abandoned_carts a JOIN customers c ON c.customer_id = a.customer_id GROUP BY 1")
q("breakdowns","average churn probability by country","SELECT c.country, AVG(s.churn_probability) FROM customer_scores s JOIN customers c ON c.customer_id = s.customer_id GROUP BY 1")
# C time
q("time","revenue in 2025","SELECT SUM(order_value) FROM transactions WHERE year(transaction_date) = 2025")
q("time","revenue in 2026","SELECT SUM(order_value) FROM transactions WHERE year(transaction_date) = 2026")
q("time","orders in October 2026","SELECT COUNT(DISTINCT transaction_id) FROM transactions WHERE transaction_date >= '2026-10-01' AND transaction_date < '2026-11-01'")
q("time","revenue in March 2026","SELECT SUM(order_value) FROM transactions WHERE transaction_date >= '2026-03-01' AND transaction_date < '2026-04-01'")
q("time","buyers in 2025","SELECT COUNT(DISTINCT customer_id) FROM transactions WHERE year(transaction_date) = 2025")
q("time","abandoned carts in 2026","SELECT COUNT(*) FROM abandoned_carts WHERE year(abandoned_at) = 2026")
q("time","orders by month in 2026","SELECT date_trunc('month', transaction_date), COUNT(DISTINCT transaction_id) FROM transactions WHERE year(transaction_date) = 2026 GROUP BY 1")
q("time","revenue for Sofas in 2026","SELECT SUM(order_value) FROM transactions WHERE product_type = 'Sofas' AND year(transaction_date) = 2026")
# D thresholds
S="SELECT COUNT(*) FROM customer_scores WHERE "
for v in ["0.3","0.5","0.7","0.9"]:
    q("thresholds",f"customers with churn probability over {v}",S+f"churn_probability > {v}")
q("thresholds","how many customers have a churn probability of at least 0.5",S+"churn_probability >= 0.5")
q("thresholds","customers with churn probability below 0.2",S+"churn_probability < 0.2")
q("thresholds","customers whose churn probability is under 0.1",S+"churn_probability < 0.1")
q("thresholds","customers with churn probability between 0.2 and 0.4",S+"churn_probability BETWEEN 0.2 AND 0.4")
q("thresholds","customers with churn probability between 0.6 and 0.8",S+"churn_probability BETWEEN 0.6 AND 0.8")
q("thresholds","how many customers have a churn probability over 50%?",S+"churn_probability > 0.5")
for v in ["0.5","0.8"]:
    q("thresholds",f"customers with a clv score above {v}",f"SELECT COUNT(*) FROM customers WHERE clv_score > {v}")
q("thresholds","customers with discount sensitivity above 0.6",S+"discount_sensitivity > 0.6")
for v in ["100","500","1,000","1,500"]:
    q("thresholds",f"how many orders over ${v}?",f"SELECT COUNT(*) FROM transactions WHERE order_value > {v.replace(',','')}")
q("thresholds","orders under $50","SELECT COUNT(*) FROM transactions WHERE order_value < 50")
for v in ["200","1,000"]:
    q("thresholds",f"abandoned carts over ${v}",f"SELECT COUNT(*) FROM abandoned_carts WHERE cart_value > {v.replace(',','')}")
q("thresholds","how many orders between $100 and $300","SELECT COUNT(*) FROM transactions WHERE order_value BETWEEN 100 AND 300")
q("thresholds","revenue from orders over $1,000","SELECT SUM(order_value) FROM transactions WHERE order_value > 1000")
q("thresholds","how many orders of at least $750","SELECT COUNT(*) FROM transactions WHERE order_value >= 750")
q("thresholds","abandoned cart value of carts over $500","SELECT SUM(cart_value) FROM abandoned_carts WHERE cart_value > 500")
q("thresholds","customers with a clv score below 0.3","SELECT COUNT(*) FROM customers WHERE clv_score < 0.3")
# E per customer
P="SELECT COUNT(*) FROM (SELECT customer_id FROM transactions {w} GROUP BY 1 HAVING {h})"
for v in ["500","1,000","2,000","5,000"]:
    q("per_customer",f"how many customers spent over ${v}?",P.format(w="",h=f"SUM(order_value) > {v.replace(',','')}"))
q("per_customer","customers who spent at least $3,000",P.format(w="",h="SUM(order_value) >= 3000"))
q("per_customer","customers who spent over $1,000 in 2026",P.format(w="WHERE year(transaction_date) = 2026",h="SUM(order_value) > 1000"))
for v in ["3","5","8"]:
    q("per_customer",f"customers with more than {v} orders",P.format(w="",h=f"COUNT(*) > {v}"))
for v in ["2","6"]:
    q("per_customer",f"customers with at least {v} orders",P.format(w="",h=f"COUNT(*) >= {v}"))
q("per_customer","customers with fewer than 2 orders","SELECT COUNT(*) FROM customers c WHERE (SELECT COUNT(*) FROM transactions t WHERE t.customer_id = c.customer_id) < 2")
q("per_customer","how many customers spent less than $100","SELECT COUNT(*) FROM customers c WHERE COALESCE((SELECT SUM(order_value) FROM transactions t WHERE t.customer_id = c.customer_id), 0) < 100")
q("per_customer","customers in Canada who spent over $2,000","SELECT COUNT(*) FROM customers c WHERE c.country = 'Canada' AND (SELECT SUM(order_value) FROM transactions t WHERE t.customer_id = c.customer_id) > 2000")
q("per_customer","customers with more than 3 orders of Sofas",P.format(w="WHERE product_type = 'Sofas'",h="COUNT(*) > 3"))
# F shares
for cat in ["Living Room","Bedroom","Kitchen & Dining","Office","Storage & Organization","Bathroom","Outdoor","Lighting","Textiles","Decoration"]:
    q("shares",f"What share of revenue comes from {cat}?",f"SELECT SUM(order_value) FILTER (WHERE category = '{cat}') / SUM(order_value) FROM transactions")
for country in ["Canada","United Kingdom","Australia","United States"]:
    q("shares",f"percentage of customers in {country}",f"SELECT COUNT(*) FILTER (WHERE country = '{country}') / COUNT(*) FROM customers")
for pt in ["Sofas","Mattresses"]:
    q("shares",f"share of orders from {pt}",f"SELECT COUNT(*) FILTER (WHERE product_type = '{pt}') / COUNT(*) FROM transactions")
# G both / not
B=lambda p: f"SELECT customer_id FROM transactions WHERE product_type = '{p}'"
pairs=[("sofa","Sofas","mattress","Mattresses"),("desk","Desks","office chair","Office Chairs"),("candle","Candles","vase","Vases"),("dining table","Dining Tables","chair","Chairs"),
       ("bed frame","Bed Frames","nightstand","Nightstands"),("cushion","Cushions","curtains","Curtains"),("floor lamp","Floor Lamps","table lamp","Table Lamps"),("patio set","Patio Sets","garden chair","Garden Chairs")]
for a,A,b,Bn in pairs:
    q("both_not",f"How many customers bought a {a} and a {b}?",f"SELECT COUNT(*) FROM (({B(A)}) INTERSECT ({B(Bn)}))")
for a,A,b,Bn in pairs[:6]:
    q("both_not",f"customers who bought {A} but not {Bn}",f"SELECT COUNT(*) FROM (({B(A)}) EXCEPT ({B(Bn)}))")
for a,A,b,Bn in pairs[:4]:
    q("both_not",f"how many customers bought {A} or {Bn}",f"SELECT COUNT(DISTINCT customer_id) FROM transactions WHERE product_type IN ('{A}', '{Bn}')")
q("both_not","how many customers did not buy sofas",f"SELECT COUNT(*) FROM customers WHERE customer_id NOT IN ({B('Sofas')})")
q("both_not","customers who never bought candles",f"SELECT COUNT(*) FROM customers WHERE customer_id NOT IN ({B('Candles')})")
# H negation
for country in ["Canada","United Kingdom","Australia","United States"]:
    q("negation",f"revenue outside {country}",f"SELECT SUM(t.order_value) {J} WHERE c.country <> '{country}'")
for city in ["London","Toronto"]:
    q("negation",f"customers not in {city}",f"SELECT COUNT(*) FROM customers WHERE city <> '{city}'")
for pt in ["Sofas","Desks"]:
    q("negation",f"orders excluding {pt}",f"SELECT COUNT(DISTINCT transaction_id) FROM transactions WHERE product_type <> '{pt}'")
# I having
for v in ["20,000","40,000","60,000"]:
    q("having",f"cities with revenue over ${v}",f"SELECT c.city, SUM(t.order_value) {J} GROUP BY 1 HAVING SUM(t.order_value) > {v.replace(',','')}")
for v in ["100","150"]:
    q("having",f"categories with more than {v} orders",f"SELECT category, COUNT(*) FROM transactions GROUP BY 1 HAVING COUNT(*) > {v}")
q("having","countries with more than 80 customers","SELECT country, COUNT(*) FROM customers GROUP BY 1 HAVING COUNT(*) > 80")
# J top
q("top","top 3 cities by revenue",f"SELECT c.city, SUM(t.order_value) {J} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3")
q("top","bottom 2 categories by orders","SELECT category, COUNT(*) FROM transactions GROUP BY 1 ORDER BY 2 ASC, 1 LIMIT 2")
q("top","top 5 product types by units sold","SELECT product_type, SUM(quantity) FROM transactions GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5")
q("top","which city has the most abandoned carts?","SELECT c.city, COUNT(*) FROM abandoned_carts a JOIN customers c ON c.customer_id = a.customer_id GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1")
q("top","top 3 countries by customers","SELECT country, COUNT(*) FROM customers GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3")
q("top","top 4 acquisition sources by revenue",f"SELECT c.acquisition_source, SUM(t.order_value) {J} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 4")
# K declines
for d in ["revenue in Paris","customers who love sofas","share of average order value in Canada","churn probability over 0.7",
          "how many customers spent over 12 percent of their income","revenue per customer","revenue this month vs last month",
          "revenue growth","customers who are not happy","how many unicorns did we sell","delete all customers","SELECT * FROM customers",
          "¿cuántos clientes hay en Canadá?","what is the email of customer C0000001","revenue over 0.7 rainbows","orders over 5 percent"]:
    q("declines",d,None)
with open("ask-eval.home-furnishing.jsonl","w") as f:
    for o in out: f.write(json.dumps(o, ensure_ascii=False)+"\n")
print(len(out))
# Summit
out=[]
SJ="FROM orders o JOIN members m ON m.member_no = o.member_no"
for r in ["Pacific Northwest","Rockies","New England","Southwest","Great Lakes","Southeast"]:
    q("filters",f"how many members in {r}?",f"SELECT COUNT(*) FROM members WHERE region = '{r}'")
for d in ["Footwear","Jackets","Packs"]:
    q("filters",f"revenue from {d}",f"SELECT SUM(line_total) FROM orders WHERE dept = '{d}'")
    q("shares",f"what share of revenue comes from {d}?",f"SELECT SUM(line_total) FILTER (WHERE dept = '{d}') / SUM(line_total) FROM orders")
SB=lambda p: f"SELECT member_no FROM orders WHERE subcategory = '{p}'"
for A,Bn in [("Hiking Boots","Rain Shells"),("Daypacks","Fleece")]:
    q("both_not",f"how many members bought {A} and {Bn}?",f"SELECT COUNT(*) FROM (({SB(A)}) INTERSECT ({SB(Bn)}))")
    q("both_not",f"members who bought {A} but not {Bn}",f"SELECT COUNT(*) FROM (({SB(A)}) EXCEPT ({SB(Bn)}))")
for v in ["0.5","0.8"]:
    q("thresholds",f"members with lapse risk over {v}",f"SELECT COUNT(*) FROM member_scores WHERE lapse_risk > {v}")
for v in ["500","1,000"]:
    q("per_customer",f"how many members spent over ${v}?",f"SELECT COUNT(*) FROM (SELECT member_no FROM orders GROUP BY 1 HAVING SUM(line_total) > {v.replace(',','')})")
q("thresholds","how many orders over $300?","SELECT COUNT(*) FROM (SELECT order_no FROM orders GROUP BY 1 HAVING SUM(line_total) > 300)")
q("thresholds","orders under $100","SELECT COUNT(*) FROM (SELECT order_no FROM orders GROUP BY 1 HAVING SUM(line_total) < 100)")
q("having","regions with revenue over $100,000",f"SELECT m.region, SUM(o.line_total) {SJ} GROUP BY 1 HAVING SUM(o.line_total) > 100000")
q("top","top 3 cities by revenue",f"SELECT m.home_city, SUM(o.line_total) {SJ} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3")
q("negation","revenue outside the Rockies",f"SELECT SUM(o.line_total) {SJ} WHERE m.region <> 'Rockies'")
q("negation","members not in New England","SELECT COUNT(*) FROM members WHERE region <> 'New England'")
q("breakdowns","revenue by region",f"SELECT m.region, SUM(o.line_total) {SJ} GROUP BY 1")
q("breakdowns","orders by department","SELECT dept, COUNT(DISTINCT order_no) FROM orders GROUP BY 1")
for d in ["abandoned carts by region","revenue in Paris","members who love tents"]:
    q("declines",d,None)
with open("ask-eval.summit-outfitters.jsonl","w") as f:
    for o in out: f.write(json.dumps(o, ensure_ascii=False)+"\n")
print(len(out))
