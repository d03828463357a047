package com.example.leakdemo.incident001;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.PropertyNamingStrategy;
import com.alibaba.fastjson.serializer.SerializeConfig;

/** Incident 001, fixed as its authors did (and as LeakProne's suggested fix does). No finding. */
public class WcsDataBuilderFixed {

  private static final SerializeConfig CONFIG = new SerializeConfig();

  static {
    CONFIG.propertyNamingStrategy = PropertyNamingStrategy.SnakeCase;
  }

  /** Returns the bean as JSON with snake_case field names. */
  public static String buildData(Object bean) {
    try {
      return JSON.toJSONString(bean, CONFIG);
    } catch (Exception e) {
      return null;
    }
  }
}
