// The developers' view of a Program: one line per integer instruction.
#include <fmt/format.h>

#include "runtime/fixed/fixed.h"

namespace misura::fixed {

namespace {

const char* opName(FOp op) {
  switch (op) {
    case FOp::Push: return "Push";
    case FOp::LoadPerson: return "LoadPerson";
    case FOp::LoadBand: return "LoadBand";
    case FOp::LoadTotal: return "LoadTotal";
    case FOp::LoadService: return "LoadService";
    case FOp::Add: return "Add";
    case FOp::Sub: return "Sub";
    case FOp::Mul: return "Mul";
    case FOp::DivConst: return "DivConst";
    case FOp::Neg: return "Neg";
    case FOp::Compare: return "Compare";
    case FOp::Not: return "Not";
    case FOp::And: return "And";
    case FOp::Or: return "Or";
    case FOp::Rescale: return "Rescale";
    case FOp::Jump: return "Jump";
    case FOp::JumpIfFalse: return "JumpIfFalse";
    case FOp::JumpIf: return "JumpIf";
    case FOp::Extreme: return "Extreme";
    case FOp::Steps: return "Steps";
    case FOp::GiveUp: return "GiveUp";
    case FOp::Return: return "Return";
  }
  return "?";
}

const char* cmpName(Cmp c) {
  static const char* const kNames[] = {"<", "<=", ">", ">=", "=", "<>"};
  return kNames[static_cast<int>(c)];
}

std::string operands(const Program& p, const FInstr& in) {
  switch (in.op) {
    case FOp::Push: return fmt::format("{}", in.x);
    case FOp::LoadPerson: return fmt::format("campo {} scala {}", in.a, in.x);
    case FOp::LoadBand: case FOp::LoadTotal: case FOp::Return: return fmt::format("scala {}", in.x);
    case FOp::LoadService: return fmt::format("anno {}", in.x);
    case FOp::Add: case FOp::Sub: return fmt::format("x*{} y*{}", in.x, in.y);
    case FOp::DivConst: return fmt::format("*{}", in.x);
    case FOp::Compare: return fmt::format("x*{} {} y*{}", in.x, cmpName(in.cmp), in.y);
    case FOp::Rescale: return fmt::format("[{}] *{}", in.a, in.x);
    case FOp::Jump: case FOp::JumpIfFalse: return fmt::format("{}", in.a);
    case FOp::JumpIf: return fmt::format("{} se {}", in.a, in.b == 1 ? "vero" : "falso");
    case FOp::Extreme: {
      std::string f;
      for (uint32_t i = 0; i < in.a; ++i) f += fmt::format("{}*{}", i ? " " : "", p.factors[size_t(in.y) + i]);
      return fmt::format("{} di {} ({})", in.b == 1 ? "minimo" : "massimo", in.a, f);
    }
    case FOp::Steps: return fmt::format("tabella {} (scala {})", in.a, p.steps[in.a].scale);
    default: return {};
  }
}

}  // namespace

std::string print(const Program& program) {
  std::string out;
  for (size_t pc = 0; pc < program.code.size(); ++pc)
    out += fmt::format("{:4}  {:<12}{}\n", pc, opName(program.code[pc].op), operands(program, program.code[pc]));
  return out;
}

}  // namespace misura::fixed
