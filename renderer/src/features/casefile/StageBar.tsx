import { Stepper } from '@mantine/core';
import { stageLabels, stages, type Stage } from '../../../../electron/core/domain';

const hints: Record<Stage, string> = {
  filing: '收案 · 受理',
  mediation: '调解 · 当场支付',
  hearing: '开庭 · 质证',
  closing: '文书 · 结案',
};

/** 快立 → 快调 → 快审 → 快结, the current stage highlighted. */
export function StageBar({ stage, closed }: { stage: Stage; closed: boolean }) {
  const active = closed ? stages.length : stages.indexOf(stage);
  return (
    <Stepper active={active} size="sm" allowNextStepsSelect={false} data-testid="stage-bar">
      {stages.map((s) => (
        <Stepper.Step key={s} label={stageLabels[s]} description={hints[s]} />
      ))}
    </Stepper>
  );
}
