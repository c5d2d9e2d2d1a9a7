// Unit tests for runtime/interp: exact arithmetic through chunks, Missing
// propagation, short-circuit jumps, runtime errors with their span, the
// builtins and indicator calls. Chunks are written by hand, as the compiler
// would lower them.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/support/diagnostics.h"
#include "runtime/interp/interp.h"
#include "tests/unit/chunk_builder.h"

using misura::DateRange;
using misura::Date;
using misura::Rational;
using misura::Span;
namespace ir = misura::ir;
namespace interp = misura::interp;
using ir::Op;
using misura::testing::Code;

namespace {

Date ymd(int y, int m, int d) { return *Date::fromYmd(y, m, d); }

ir::Value runOk(const ir::Chunk& chunk, const interp::Context& ctx = {}) {
  interp::Result r = interp::run(chunk, ctx);
  if (const auto* e = std::get_if<interp::RuntimeError>(&r)) FAIL("errore inatteso " << e->code << ": " << e->message);
  return std::get<ir::Value>(r);
}

Rational number(const ir::Value& v) {
  REQUIRE(std::holds_alternative<Rational>(v));
  return std::get<Rational>(v);
}

interp::RuntimeError runError(const ir::Chunk& chunk, const interp::Context& ctx = {}) {
  interp::Result r = interp::run(chunk, ctx);
  REQUIRE(std::holds_alternative<interp::RuntimeError>(r));
  return std::get<interp::RuntimeError>(r);
}

bool isMissing(const ir::Value& v) { return std::holds_alternative<ir::Missing>(v); }

// se <cond> allora <then> altrimenti <else>, lowered with JumpIfFalse.
template <typename Cond, typename Then, typename Else>
ir::Chunk ifThenElse(Cond cond, Then then, Else otherwise) {
  Code c;
  cond(c);
  size_t jif = c.here();
  c.op(Op::JumpIfFalse);
  then(c);
  size_t jmp = c.here();
  c.op(Op::Jump);
  c.chunk.code[jif].a = c.here();
  otherwise(c);
  c.chunk.code[jif].b = c.chunk.code[jmp].a = c.here();
  return c.done();
}

}  // namespace

TEST_CASE("Arithmetic through a chunk is exact", "[interp]") {
  // 1/3 + 1/3 + 1/3
  Code c;
  c.num(1).num(3).op(Op::Div).num(1).num(3).op(Op::Div).op(Op::Add).num(1).num(3).op(Op::Div).op(Op::Add);
  CHECK(number(runOk(c.done())) == Rational(1));

  // 60 * (40 * 100% + 60 * 76,375%) / 100 = 51,495 exactly
  Code d;
  d.num(60).num(40).num(1).op(Op::Mul).num(60).num(61100, 80000).op(Op::Mul).op(Op::Add);
  d.op(Op::Mul).num(100).op(Op::Div);
  CHECK(number(runOk(d.done())) == Rational(51495, 1000));

  Code e;
  e.num(7).op(Op::Neg).num(2).op(Op::Sub);
  CHECK(number(runOk(e.done())) == Rational(-9));
}

TEST_CASE("Missing propagates through arithmetic and comparisons", "[interp]") {
  for (Op op : {Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Lt, Op::Le, Op::Gt, Op::Ge, Op::Eq, Op::Ne}) {
    Code left;
    left.push(ir::Missing{}).num(2).op(op);
    CHECK(isMissing(runOk(left.done())));
    Code right;
    right.num(2).push(ir::Missing{}).op(op);
    CHECK(isMissing(runOk(right.done())));
  }
  Code neg;
  neg.push(ir::Missing{}).op(Op::Neg);
  CHECK(isMissing(runOk(neg.done())));
  Code notMissing;
  notMissing.push(ir::Missing{}).op(Op::Not);
  CHECK(isMissing(runOk(notMissing.done())));
  // Missing / 0 stays Missing: no division by zero is reported for a value not measured.
  Code div;
  div.push(ir::Missing{}).num(0).op(Op::Div);
  CHECK(isMissing(runOk(div.done())));
  Code days;
  days.push(ir::Missing{}).num(90).op(Op::AddDays);
  CHECK(isMissing(runOk(days.done())));
}

TEST_CASE("Comparisons of numbers, dates, texts and booleans", "[interp]") {
  auto compare = [](ir::Value x, ir::Value y, Op op) {
    Code c;
    c.push(std::move(x)).push(std::move(y)).op(op);
    ir::Value v = runOk(c.done());
    REQUIRE(std::holds_alternative<bool>(v));
    return std::get<bool>(v);
  };
  CHECK(compare(Rational(1, 3), Rational(2, 6), Op::Eq));
  CHECK(compare(Rational(1, 3), Rational(1, 2), Op::Lt));
  CHECK_FALSE(compare(Rational(1, 2), Rational(1, 3), Op::Le));
  CHECK(compare(ymd(2024, 12, 31), ymd(2025, 1, 1), Op::Lt));
  CHECK(compare(ymd(2024, 12, 31), ymd(2024, 12, 31), Op::Ge));
  CHECK(compare(std::string("Anagrafe"), std::string("Anagrafe"), Op::Eq));
  CHECK(compare(std::string("Anagrafe"), std::string("Tecnico"), Op::Ne));
  CHECK(compare(true, false, Op::Ne));
  Code n;
  n.push(true).op(Op::Not);
  CHECK(std::get<bool>(runOk(n.done())) == false);
}

TEST_CASE("JumpIfFalse short-circuits: the branch not taken is not run", "[interp]") {
  auto divideByZero = [](Code& c) { c.num(1).num(0).op(Op::Div); };
  auto five = [](Code& c) { c.num(5); };

  // se falso allora 1/0 altrimenti 5
  CHECK(number(runOk(ifThenElse([](Code& c) { c.push(false); }, divideByZero, five))) == Rational(5));
  // se vero allora 5 altrimenti 1/0
  CHECK(number(runOk(ifThenElse([](Code& c) { c.push(true); }, five, divideByZero))) == Rational(5));
  // se <non rilevato> allora 1/0 altrimenti 1/0: Missing, neither branch runs
  CHECK(isMissing(runOk(ifThenElse([](Code& c) { c.push(ir::Missing{}); }, divideByZero, divideByZero))));
  // se non rilevato < 3 allora ... : the comparison is Missing, so is the whole
  CHECK(isMissing(runOk(ifThenElse([](Code& c) { c.push(ir::Missing{}).num(3).op(Op::Lt); }, five, five))));
}

TEST_CASE("Division by zero is E0601 located at the instruction", "[interp]") {
  misura::SourceManager sm;
  const misura::FileId f = sm.add("regole.misura", "indicatore rapporto su v: numero =\n  v / (v - v)\n");
  const Span whole{f, 37, 48};  // "v / (v - v)"
  const Span sub{f, 42, 47};
  REQUIRE(sm.slice(whole) == "v / (v - v)");

  Code c;
  c.at(whole).op(Op::LoadParam, 0).at(sub).op(Op::LoadParam, 0).op(Op::LoadParam, 0).op(Op::Sub).at(whole).op(Op::Div);
  std::vector<ir::Value> args{Rational(7)};
  interp::Context ctx;
  ctx.args = args;
  interp::RuntimeError e = runError(c.done(), ctx);
  CHECK(e.code == "E0601");
  CHECK(e.span.begin == whole.begin);
  CHECK(e.span.end == whole.end);
  CHECK(e.message == "divisione per zero: 7 diviso 0");

  misura::Diagnostics diags;
  diags.error(e.code, e.span, e.message, e.hint);
  const std::string text = misura::render(sm, diags.all());
  CHECK(text.find("regole.misura:2:3: errore[E0601]: divisione per zero") != std::string::npos);
}

TEST_CASE("Date arithmetic", "[interp]") {
  Code plus;
  plus.push(ymd(2024, 12, 31)).num(90).op(Op::AddDays);
  CHECK(std::get<Date>(runOk(plus.done())) == ymd(2025, 3, 31));
  Code minus;
  minus.push(ymd(2024, 3, 1)).num(1).op(Op::SubDays);
  CHECK(std::get<Date>(runOk(minus.done())) == ymd(2024, 2, 29));
  Code diff;  // 01/03/2024 - 31/12/2023 = 61 giorni (leap year)
  diff.push(ymd(2024, 3, 1)).push(ymd(2023, 12, 31)).op(Op::DiffDates);
  CHECK(number(runOk(diff.done())) == Rational(61));

  Code half;
  half.push(ymd(2024, 1, 1)).num(5, 2).op(Op::AddDays);
  interp::RuntimeError e = runError(half.done());
  CHECK(e.code == "E0607");
  CHECK(e.message.find("i giorni devono essere interi") != std::string::npos);

  Code far;
  far.push(ymd(2024, 1, 1)).num(10'000'000).op(Op::AddDays);
  CHECK(runError(far.done()).code == "E0607");
}

TEST_CASE("Builtins", "[interp]") {
  using B = ir::Builtin;
  Code min;
  min.num(3).num(1, 2).num(2).call(B::Minimo, 3);
  CHECK(number(runOk(min.done())) == Rational(1, 2));
  Code max;
  max.num(0).num(-1, 10).call(B::Massimo, 2);
  CHECK(number(runOk(max.done())) == Rational(0));
  Code minMissing;
  minMissing.num(1).push(ir::Missing{}).call(B::Minimo, 2);
  CHECK(isMissing(runOk(minMissing.done())));
  Code maxDates;
  maxDates.push(ymd(2024, 5, 1)).push(ymd(2024, 6, 30)).push(ymd(2024, 1, 2)).call(B::Massimo, 3);
  CHECK(std::get<Date>(runOk(maxDates.done())) == ymd(2024, 6, 30));

  Code round;  // arrotonda(87,495; 2) = 87,50 (half up)
  round.num(87495, 1000).num(2).call(B::Arrotonda, 2);
  CHECK(number(runOk(round.done())) == Rational(8750, 100));
  Code roundNeg;  // arrotonda(-2/3; 2) = -0,67
  roundNeg.num(-2, 3).num(2).call(B::Arrotonda, 2);
  CHECK(number(runOk(roundNeg.done())) == Rational(-67, 100));
  Code badDecimals;
  badDecimals.num(1, 3).num(1, 2).call(B::Arrotonda, 2);
  CHECK(runError(badDecimals.done()).code == "E0607");

  Code days;
  days.push(ymd(2023, 12, 31)).push(ymd(2024, 3, 1)).call(B::GiorniTra, 2);
  CHECK(number(runOk(days.done())) == Rational(61));
  Code daysBack;
  daysBack.push(ymd(2024, 3, 1)).push(ymd(2023, 12, 31)).call(B::GiorniTra, 2);
  CHECK(number(runOk(daysBack.done())) == Rational(-61));

  auto months = [](Date a, Date b) {
    Code c;
    c.push(a).push(b).call(ir::Builtin::MesiIniziatiTra, 2);
    return number(runOk(c.done()));
  };
  CHECK(months(ymd(2020, 12, 31), ymd(2021, 1, 1)) == Rational(1));
  CHECK(months(ymd(2020, 12, 31), ymd(2021, 1, 31)) == Rational(1));
  CHECK(months(ymd(2020, 12, 31), ymd(2021, 2, 1)) == Rational(2));
  CHECK(months(ymd(2020, 12, 31), ymd(2020, 12, 31)) == Rational(0));
  CHECK(months(ymd(2020, 12, 31), ymd(2020, 6, 1)) == Rational(0));

  auto whole = [](ir::Builtin fn, Date a, Date b) {
    Code c;
    c.push(a).push(b).call(fn, 2);
    return number(runOk(c.done()));
  };
  CHECK(whole(ir::Builtin::MesiInteriTra, ymd(2014, 1, 1), ymd(2024, 12, 31)) == Rational(131));
  CHECK(whole(ir::Builtin::AnniInteriTra, ymd(2014, 1, 1), ymd(2024, 12, 31)) == Rational(10));
  CHECK(whole(ir::Builtin::AnniInteriTra, ymd(2016, 2, 29), ymd(2017, 2, 28)) == Rational(1));
  CHECK(whole(ir::Builtin::MesiInteriTra, ymd(2024, 1, 31), ymd(2024, 2, 28)) == Rational(0));
  CHECK(whole(ir::Builtin::AnniInteriTra, ymd(2025, 1, 1), ymd(2024, 12, 31)) == Rational(0));
  Code wholeMissing;
  wholeMissing.push(ir::Missing{}).push(ymd(2024, 1, 1)).call(ir::Builtin::AnniInteriTra, 2);
  CHECK(std::holds_alternative<ir::Missing>(runOk(wholeMissing.done())));

  Code measured;
  measured.num(0).call(B::Rilevato, 1);
  CHECK(std::get<bool>(runOk(measured.done())) == true);
  Code notMeasured;
  notMeasured.push(ir::Missing{}).call(B::Rilevato, 1);
  CHECK(std::get<bool>(runOk(notMeasured.done())) == false);

  auto text = [](ir::Builtin fn, const char* t, const char* p) {
    Code c;
    c.push(std::string(t)).push(std::string(p)).call(fn, 2);
    return std::get<bool>(runOk(c.done()));
  };
  CHECK(text(B::Contiene, "Sospensione dal servizio", "SOSPENSIONE"));
  CHECK(text(B::Contiene, "Attività di sportello", "ATTIVITÀ"));  // accented capitals too
  CHECK_FALSE(text(B::Contiene, "Multa", "sospensione"));
  CHECK(text(B::IniziaCon, "PEO C1 -> C2", "peo"));
  CHECK_FALSE(text(B::IniziaCon, "Progressione PEO", "peo"));
  Code textMissing;
  textMissing.push(ir::Missing{}).push(std::string("x")).call(B::Contiene, 2);
  CHECK(std::holds_alternative<ir::Missing>(runOk(textMissing.done())));
}

TEST_CASE("Calendar builtins read the year and the person's service", "[interp]") {
  using B = ir::Builtin;
  ir::Module module;
  module.anno = 2024;
  interp::Context ctx;
  ctx.module = &module;
  Code year;
  year.call(B::GiorniAnno, 0);
  CHECK(number(runOk(year.done(), ctx)) == Rational(366));
  module.anno = 2023;
  CHECK(number(runOk(year.done(), ctx)) == Rational(365));
  module.anno = 2024;
  Code evaluationYear;  // `anno` in an expression
  evaluationYear.call(B::AnnoValutazione, 0);
  CHECK(number(runOk(evaluationYear.done(), ctx)) == Rational(2024));

  Code noPerson;  // giorni_servizio without a person: a broken plan
  noPerson.call(B::GiorniServizio, 0);
  CHECK(runError(noPerson.done(), ctx).code == "E0600");
  ctx.service = DateRange{ymd(2024, 4, 1), ymd(2025, 3, 31)};  // only the 2024 part counts
  CHECK(number(runOk(noPerson.done(), ctx)) == Rational(275));

  auto period = [&](ir::Value from, ir::Value to) {
    Code c;
    c.push(from).push(to).call(B::GiorniNelPeriodo, 2);
    return number(runOk(c.done(), ctx));
  };
  CHECK(period(ir::Missing{}, ymd(2024, 6, 30)) == Rational(182));  // from 1/1
  CHECK(period(ymd(2024, 7, 1), ir::Missing{}) == Rational(184));   // to 31/12
  CHECK(period(ir::Missing{}, ir::Missing{}) == Rational(366));
  CHECK(period(ymd(2023, 12, 1), ymd(2023, 12, 31)) == Rational(0));  // another year
  CHECK(period(ymd(2024, 5, 1), ymd(2024, 4, 1)) == Rational(0));     // reversed: empty

  Code noYear;  // no module: no year
  noYear.call(B::GiorniAnno, 0);
  CHECK(runError(noYear.done()).code == "E0600");
}

TEST_CASE("CallIndicator runs the indicator in a fresh frame", "[interp]") {
  // indicatore almeno(soglia: percentuale) su valore: percentuale =
  //   se valore < soglia * 70% allora 0% altrimenti minimo(100%, valore / soglia)
  ir::Module m;
  ir::Indicator almeno;
  almeno.name = "almeno";
  almeno.slots = {ir::Type::Percentuale, ir::Type::Percentuale};
  almeno.body = ifThenElse(
      [](Code& c) { c.op(Op::LoadParam, 0).op(Op::LoadParam, 1).num(7, 10).op(Op::Mul).op(Op::Lt); },
      [](Code& c) { c.num(0); },
      [](Code& c) { c.num(1).op(Op::LoadParam, 0).op(Op::LoadParam, 1).op(Op::Div).call(ir::Builtin::Minimo, 2); });
  m.indicators.push_back(almeno);

  auto call = [&m](ir::Value valore) {
    Code c;
    c.push(std::move(valore)).num(4, 5).op(Op::CallIndicator, 0, 2);
    interp::Context ctx;
    ctx.module = &m;
    return runOk(c.done(), ctx);
  };
  CHECK(number(call(Rational(17, 20))) == Rational(1));    // 85% of 80%: capped at 100%
  CHECK(number(call(Rational(7, 10))) == Rational(7, 8));  // 70% / 80%
  CHECK(number(call(Rational(3, 5))) == Rational(3, 4));  // 60% >= 56%: 60% / 80%
  CHECK(number(call(Rational(1, 2))) == Rational(0));     // 50% < 56%
  CHECK(isMissing(call(ir::Missing{})));                  // non rilevato stays non rilevato
}

TEST_CASE("Person, component, total and band names read the context", "[interp]") {
  const ir::Record person(std::vector<ir::Value>{std::string("A07"), Rational(1000000, 100)});  // matricola, posizione (euro)
  std::vector<std::optional<Rational>> components{Rational(528, 10), Rational(36)};
  interp::Context ctx;
  ctx.person = &person;
  ctx.components = &components;
  ctx.total = Rational(888, 10);
  ctx.band = Rational(4, 5);

  Code premio;  // posizione * 20% * fascia
  premio.op(Op::LoadPerson, 1).num(1, 5).op(Op::Mul).op(Op::LoadBand).op(Op::Mul);
  CHECK(number(runOk(premio.done(), ctx)) == Rational(1600));
  Code sum;  // obiettivi + comportamenti - totale
  sum.op(Op::LoadComponent, 0).op(Op::LoadComponent, 1).op(Op::Add).op(Op::LoadTotal).op(Op::Sub);
  CHECK(number(runOk(sum.done(), ctx)) == Rational(0));

  Code noBand;
  noBand.op(Op::LoadBand);
  CHECK(runError(noBand.done()).code == "E0600");
  Code noPerson;
  noPerson.op(Op::LoadPerson, 0);
  CHECK(runError(noPerson.done()).code == "E0600");
  Code badField;
  badField.op(Op::LoadPerson, 9);
  CHECK(runError(badField.done(), ctx).code == "E0600");
}

TEST_CASE("A malformed chunk is an internal error, never a crash or a loop", "[interp]") {
  Code underflow;
  underflow.op(Op::Add);
  CHECK(runError(underflow.done()).code == "E0600");

  Code backwards;  // a jump back to itself would never end
  backwards.num(1).op(Op::Jump, 1);
  CHECK(runError(backwards.done()).code == "E0600");

  ir::Chunk noReturn;
  noReturn.code.push_back(ir::Instr{Op::PushConst, 0, 0, {}});
  noReturn.consts.push_back(Rational(1));
  CHECK(runError(noReturn).code == "E0600");

  Code wrongKinds;  // a date plus a number is no Add
  wrongKinds.push(ymd(2024, 1, 1)).num(1).op(Op::Add);
  interp::RuntimeError e = runError(wrongKinds.done());
  CHECK(e.code == "E0600");
  CHECK(e.message.find("errore interno") != std::string::npos);

  Code badConst;
  badConst.op(Op::PushConst, 3);
  CHECK(runError(badConst.done()).code == "E0600");

  Code badBuiltin;
  badBuiltin.num(1).call(ir::Builtin::Minimo, 1);  // minimo needs two arguments
  CHECK(runError(badBuiltin.done()).code == "E0600");

  Code noIndicator;
  noIndicator.num(1).op(Op::CallIndicator, 0, 1);
  CHECK(runError(noIndicator.done()).code == "E0600");
}

// `rilevazioni.completato di PIAO + 90 giorni`: LoadCell asks the context for
// the cell (with the objective of `di`), LoadDeadline reads the person's termine.
TEST_CASE("cells and computed deadlines come from the context", "[interp]") {
  Code c;
  c.chunk.cells.push_back(ir::CellRef{1, 2, 7u, Span{}});
  ir::Chunk chunk = c.op(Op::LoadCell, 0).num(90).op(Op::AddDays).done();
  std::vector<ir::CellRef> asked;
  interp::Context ctx;
  ctx.cell = [&asked](const ir::CellRef& ref) -> ir::Value {
    asked.push_back(ref);
    return ymd(2024, 1, 20);
  };
  CHECK(std::get<Date>(runOk(chunk, ctx)) == ymd(2024, 4, 19));  // 2024 is a leap year
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].dataset == 1);
  CHECK(asked[0].field == 2);
  CHECK(asked[0].objective == std::optional<uint32_t>(7));

  ctx.cell = [](const ir::CellRef&) -> ir::Value { return ir::Missing{}; };
  CHECK(isMissing(runOk(chunk, ctx)));  // an empty cell: the deadline is non rilevato

  Code d;
  ir::Chunk deadline = d.op(Op::LoadDeadline).done();
  CHECK(runError(deadline).code == "E0600");  // no termine in this context
  ctx.deadline = ir::Value(ymd(2024, 6, 30));
  CHECK(std::get<Date>(runOk(deadline, ctx)) == ymd(2024, 6, 30));
  CHECK(runError(chunk).code == "E0600");  // no cells in this context
}
