"""The ``attribution`` task: PolNeAR dev and the Arabic gold set, rules and tagger."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tasks.common import script_module


def _attribution_module():
    return script_module("benchmarks/attribution_eval.py")


def _predictor_key(name: str) -> str:
    """"rules + tagger" -> "rules_tagger": the JSON key of a predictor's scores."""
    return name.replace(" + ", "_").replace(" ", "_")


def run_attribution(args) -> dict[str, Any]:
    """PolNeAR dev and the Arabic gold set, for the shipped pipeline
    ("rules + tagger"), the rules alone, the learned tagger alone and the
    pipeline with the 12-layer tagger on English."""
    module = _attribution_module()
    result: dict[str, Any] = {}
    for predict in module.PREDICTORS.values():
        predict("Officials said the road would reopen.", "en")  # load models before timing
    for name, predict in module.PREDICTORS.items():
        key = _predictor_key(name)
        result[f"polnear_dev/{key}"] = module.evaluate_polnear(Path(args.polnear), predict)
        result[f"arabic_gold/{key}"] = module.evaluate_gold(module.DEFAULT_GOLD, predict)
    # The corpus path (find_contradictions on many documents): the tagger
    # reads every article in one batched pass, the shipped one and the
    # 12-layer one.
    from claimcheck.text.tagger import full_tagger

    result["polnear_dev/batched/rules_tagger"] = module.batched_speed(Path(args.polnear))
    result["polnear_dev/batched/rules_12-layer_tagger"] = module.batched_speed(
        Path(args.polnear), full_tagger())
    # The headline keys keep their old names: the shipped pipeline.
    result["polnear_dev"] = result["polnear_dev/rules_tagger"]
    result["arabic_gold"] = result["arabic_gold/rules_tagger"]
    return result


def attribution_markdown(res: dict[str, Any]) -> str:
    module = _attribution_module()
    tables = {}
    for name in module.PREDICTORS:
        key = _predictor_key(name)
        tables[f"PolNeAR dev, {name}"] = res[f"polnear_dev/{key}"]
        tables[f"Arabic gold, {name}"] = res[f"arabic_gold/{key}"]
    speed = "\n".join(
        f"- {name}: {res['polnear_dev/' + _predictor_key(name)]['characters_per_s']:,} characters/s"
        for name in module.PREDICTORS)
    batched = "\n".join(
        f"- {name}: {res[key]['characters_per_s']:,} characters/s"
        for name, key in (("rules + tagger", "polnear_dev/batched/rules_tagger"),
                          ("rules + 12-layer tagger",
                           "polnear_dev/batched/rules_12-layer_tagger"))
        if key in res)
    return ("## Attribution\n\nThe shipped pipeline is \"rules + tagger\"; \"rules\" and "
            "\"tagger\" score its two parts alone; \"rules + 12-layer tagger\" is the "
            "pipeline with the 12-layer tagger reading English too (`extract_claims(..., "
            "tagger=full_tagger())`: slower, more accurate).\n\n" + module.markdown_table(tables)
            + "\n\nSpeed on the PolNeAR dev articles (English, models loaded, this machine), "
            "one article at a time, as `extract_claims` runs on each:\n"
            + speed + "\n"
            + ("\nThe same articles in one call, the tagger reading them all in one batched "
               "pass as `find_contradictions` runs (`attribution_eval.batched_speed`):\n"
               + batched + "\n" if batched else ""))
